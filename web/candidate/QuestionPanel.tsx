// One question: stem, options as a native radio group labeled A–E in displayed order, flag and clear.
// Focus lands on the question heading when it appears; a choice moved with the arrow keys is saved once
// it settles (a pause, leaving the group, or leaving the question), not on every key press.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PublicItem } from '../../functions/schemas/candidate.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { LIKERT, letterAt } from './letters.ts';

interface Props {
  item: PublicItem;
  total: number;
  choice: string | null;
  flagged: boolean;
  locked: boolean;
  onChoose(choice: string | null): void;
  onFlag(flagged: boolean): void;
}

/** How long an arrow-key choice must stay put before it is saved. */
export const SETTLE_MS = 800;
const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export function QuestionPanel({ item, total, choice, flagged, locked, onChoose, onFlag }: Props) {
  const { t } = useI18n();
  const options =
    item.options.length > 0
      ? item.options.map((o) => ({ id: o.id, text: o.text, image: o.image }))
      : item.kind === 'likert'
        ? LIKERT.map((v) => ({ id: v, text: t(`exam.likert.${v}`), image: undefined }))
        : [];
  const headingId = `q-${item.itemId}-heading`;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // A choice moved by arrow keys waits here until it settles.
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const draftRef = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const byArrow = useRef(false);
  const choose = useRef(onChoose);
  choose.current = onChoose;

  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = draftRef.current;
    draftRef.current = undefined;
    if (value !== undefined) {
      setDraft(undefined);
      choose.current(value);
    }
  };
  const commitRef = useRef(commit);
  commitRef.current = commit;
  // Leaving the question saves a pending choice.
  useEffect(() => () => commitRef.current(), []);
  // A choice made another way (shortcut, clear) replaces a pending arrow-key choice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the recorded choice changes
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    draftRef.current = undefined;
    setDraft(undefined);
  }, [choice]);

  function change(id: string) {
    if (!byArrow.current) {
      draftRef.current = undefined;
      setDraft(undefined);
      if (timer.current) clearTimeout(timer.current);
      onChoose(id);
      return;
    }
    byArrow.current = false;
    draftRef.current = id;
    setDraft(id);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commitRef.current(), SETTLE_MS);
  }

  const shown = draft ?? choice;
  return (
    <article className="question" aria-labelledby={headingId}>
      <div className="question-head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="question-number">
          {t('exam.question', { n: item.number, total })}
        </h2>
        <label className={flagged ? 'flag-toggle on' : 'flag-toggle'}>
          <input
            type="checkbox"
            checked={flagged}
            disabled={locked}
            onChange={(e) => onFlag(e.target.checked)}
            data-testid="flag-toggle"
          />
          <span>{t('exam.flag')}</span>
        </label>
      </div>
      <div className="question-stem">
        <Markdown text={item.stem} />
        {item.image && <img src={item.image} alt="" className="question-image" />}
      </div>
      {options.length === 0 ? (
        <p className="muted">{t('exam.unsupported')}</p>
      ) : (
        <fieldset
          className="options"
          disabled={locked}
          onKeyDown={(e: KeyboardEvent) => {
            byArrow.current = ARROWS.has(e.key);
          }}
          onPointerDown={() => {
            byArrow.current = false;
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
          }}
        >
          <legend className="sr-only">{t('exam.options')}</legend>
          {options.map((o, i) => {
            const letter = letterAt(i);
            const checked = shown === o.id;
            return (
              <label key={o.id} className={checked ? 'option selected' : 'option'}>
                <input
                  type="radio"
                  name={`item-${item.itemId}`}
                  value={o.id}
                  checked={checked}
                  onChange={() => change(o.id)}
                />
                <span className="option-letter" aria-hidden="true">
                  {letter}
                </span>
                <span className="sr-only">{letter}.</span>
                <span className="option-text">
                  <Markdown text={o.text} />
                  {o.image && <img src={o.image} alt="" className="option-image" />}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      {shown !== null && shown !== undefined && !locked && (
        <button type="button" className="btn btn-link" onClick={() => onChoose(null)}>
          {t('exam.clear')}
        </button>
      )}
    </article>
  );
}
