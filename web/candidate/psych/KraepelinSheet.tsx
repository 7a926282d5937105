// Kraepelin/Pauli sheet: keyboard-first (digits only), one column at a time on the server's clock, each
// typed digit an autosaved `entered` step; Backspace steps back to correct, columns advance on their own.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PublicItem } from '../../../functions/schemas/candidate.ts';
import type { SpeedSheetView } from '../../../functions/schemas/psych.ts';
import { psychApi } from '../../api/psych.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18n.tsx';
import { serverOffset } from '../../lib/clock.ts';
import type { StepDraft } from '../queue.ts';
import { cellKey, columnLeftMs, firstOpenRow, openColumn } from './kraepelin-state.ts';
import './psych.css';

interface Props {
  token: string;
  attemptId: string;
  item: PublicItem;
  locked: boolean;
  record(draft: StepDraft): void;
}

/** Rows shown above and below the cursor: a calm window instead of the whole column. */
const ABOVE = 2;
const BELOW = 4;

export function KraepelinSheet({ token, attemptId, item, locked, record }: Props) {
  const { t } = useI18n();
  const [sheet, setSheet] = useState<SpeedSheetView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now() + serverOffset());
  const [cells, setCells] = useState<Map<string, number>>(new Map());
  const [cursor, setCursor] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const timing = sheet && {
    startedAt: sheet.startedAt,
    pausedMs: sheet.pausedMs,
    columnSeconds: sheet.columnSeconds,
    columns: sheet.digits.length,
  };
  const column = timing ? openColumn(timing, now) : 0;
  const additions = sheet ? (sheet.digits[0]?.length ?? 1) - 1 : 0;
  const done = timing !== null && column >= timing.columns;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // Tick on the server's clock (offset from every response); the column changes on its own. While locked
  // (a proctor pause) the clock stands still: the server shifts every column by the paused time.
  // It stays still after the resume until the server's shifted deadlines are fetched again (re-opening is
  // idempotent), so the screen never jumps to a column the shift would not open.
  const [frozen, setFrozen] = useState(false);
  useEffect(() => {
    if (!sheet || done || locked || frozen) return;
    const id = setInterval(() => setNow(Date.now() + serverOffset()), 200);
    return () => clearInterval(id);
  }, [sheet, done, locked, frozen]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only on lock changes
  useEffect(() => {
    if (locked && sheet) setFrozen(true);
    else if (!locked && frozen) void open();
  }, [locked]);

  // A new column: the cursor goes to its first empty row, focus stays on the answer field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the open column changes
  useEffect(() => {
    if (!sheet) return;
    setCursor(firstOpenRow(cells, column, additions));
    input.current?.focus();
  }, [column, sheet]);

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const s = await psychApi.openSheet(token, attemptId, item.itemId);
      const typed = new Map<string, number>();
      for (const e of s.entries) typed.set(cellKey(e.column, e.row), e.digit);
      setCells(typed);
      setNow(Date.now() + serverOffset());
      setSheet(s);
      setFrozen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (!sheet || done || locked) return;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      if (cursor >= additions) return;
      const digit = Number(e.key);
      record({ type: 'entered', itemId: item.itemId, column, row: cursor, digit });
      setCells((m) => new Map(m).set(cellKey(column, cursor), digit));
      setCursor((r) => Math.min(additions, r + 1));
    } else if (e.key === 'Backspace' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      setCursor((r) => Math.max(0, r - 1));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      e.stopPropagation();
      setCursor((r) => Math.min(additions, r + 1));
    } else if (e.key.length === 1) {
      e.preventDefault(); // digits only
      e.stopPropagation();
    }
  }

  if (!sheet)
    return (
      <section className="question kraepelin" aria-labelledby="kr-heading">
        <h2 id="kr-heading" ref={heading} tabIndex={-1}>
          {t('psych.kraepelin.title')}
        </h2>
        <p>{t('psych.kraepelin.intro')}</p>
        <ul>
          <li>{t('psych.kraepelin.rule1')}</li>
          <li>{t('psych.kraepelin.rule2')}</li>
          <li>{t('psych.kraepelin.rule3')}</li>
        </ul>
        <ErrorAlert error={error} />
        <button type="button" className="btn btn-primary" disabled={busy || locked} onClick={open}>
          {t('psych.kraepelin.start')}
        </button>
      </section>
    );

  const digits = sheet.digits[Math.min(column, sheet.digits.length - 1)] ?? [];
  const left = Math.ceil(columnLeftMs(timing as NonNullable<typeof timing>, column, now) / 1000);
  const first = Math.max(0, cursor - ABOVE);
  const last = Math.min(additions - 1, cursor + BELOW);
  const rows: number[] = [];
  for (let r = first; r <= last; r++) rows.push(r);

  return (
    <section className="question kraepelin" aria-labelledby="kr-heading">
      <h2 id="kr-heading" ref={heading} tabIndex={-1}>
        {t('psych.kraepelin.title')}
      </h2>
      {done ? (
        <p className="kr-done" role="status">
          {t('psych.kraepelin.done')}
        </p>
      ) : (
        <>
          <p className="kr-status" aria-live="polite">
            {t('psych.kraepelin.column', { n: column + 1, of: sheet.digits.length })}
          </p>
          <p className="kr-timer" aria-hidden="true">
            {t('psych.kraepelin.secondsLeft', { s: left })}
          </p>
          <ol className="kr-column" aria-label={t('psych.kraepelin.columnLabel', { n: column + 1 })}>
            {rows.map((r) => {
              const typed = cells.get(cellKey(column, r));
              return (
                <li key={r} className={r === cursor ? 'kr-row kr-current' : 'kr-row'}>
                  <span className="kr-digit">
                    {digits[r]} + {digits[r + 1]}
                  </span>
                  <span aria-hidden="true">→</span>
                  <span className="kr-answer">{typed ?? '·'}</span>
                </li>
              );
            })}
          </ol>
          <label className="kr-input-label" htmlFor="kr-input">
            {cursor < additions
              ? t('psych.kraepelin.inputLabel', { a: digits[cursor] ?? 0, b: digits[cursor + 1] ?? 0 })
              : t('psych.kraepelin.columnFull')}
          </label>
          <input
            id="kr-input"
            ref={input}
            className="kr-input"
            inputMode="numeric"
            autoComplete="off"
            value=""
            onChange={() => {}}
            onKeyDown={onKey}
            disabled={locked}
          />
        </>
      )}
    </section>
  );
}
