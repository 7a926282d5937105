// The exam definition editor (create by hand, new version, in-place edit): title, scheme, duration, sections with
// their blueprint (category → count, optional difficulty), points, passing grades per formation type, bank pins.
import { type FormEvent, useEffect, useState } from 'react';
import type { ExamDefinition } from '../../functions/schemas/exams.ts';
import { ApiError } from '../api/errors.ts';
import { examsApi, type SnapshotSummary } from '../api/exams.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { formatDateTime } from './format.ts';

type Def = ExamDefinition;
type Section = Def['sections'][number];
type Grade = Def['passingGrades'][number];

const SCHEMES = ['SKD', 'PPPK', 'PSYCH'] as const;
const DIFFICULTIES = ['', 'easy', 'medium', 'hard'] as const;

export const blankSection = (n: number, bankId = ''): Section => ({
  id: `S${n}`,
  title: '',
  bankId,
  draws: [{ category: '', count: 1 }],
  correctPoints: 5,
});

export const blankDefinition = (bankId = ''): Def => ({
  title: '',
  scheme: 'SKD',
  durationMinutes: 60,
  sections: [blankSection(1, bankId)],
  passingGrades: [],
});

interface Props {
  token: string;
  initial: Def;
  submitLabel: string;
  /** Fields named in an API refusal are shown next to the form (e.g. `definition.sections.0.draws.0.count`). */
  onSubmit(def: Def): Promise<void>;
  onAuthError(err: unknown): boolean;
  idPrefix: string;
}

const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

export function ExamDefinitionForm({ token, initial, submitLabel, onSubmit, onAuthError, idPrefix }: Props) {
  const { t } = useI18n();
  const [def, setDef] = useState<Def>(initial);
  const { busy, error, run } = useAction(onAuthError);
  const setSection = (i: number, s: Section) =>
    setDef({ ...def, sections: def.sections.map((x, k) => (k === i ? s : x)) });
  const setGrade = (i: number, g: Grade) =>
    setDef({ ...def, passingGrades: def.passingGrades.map((x, k) => (k === i ? g : x)) });
  const banks = [...new Set(def.sections.map((s) => s.bankId).filter(Boolean))];

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const pins = Object.fromEntries(
        Object.entries(def.bankSnapshots ?? {}).filter(([b, v]) => v && banks.includes(b)),
      );
      const clean: Def = {
        ...def,
        sections: def.sections.map((s) => ({
          ...s,
          draws: s.draws.map((d) => (d.difficulty ? d : { category: d.category, count: d.count })),
        })),
        passingGrades: def.passingGrades.map((g) => {
          const sections = Object.fromEntries(
            Object.entries(g.sections).filter(([, v]) => Number.isFinite(v)),
          );
          return g.total === undefined || !Number.isFinite(g.total)
            ? { formationType: g.formationType, label: g.label, sections }
            : { ...g, sections };
        }),
      };
      const { bankSnapshots: _, ...withoutPins } = clean;
      await onSubmit(Object.keys(pins).length ? { ...withoutPins, bankSnapshots: pins } : withoutPins);
    });
  }

  const p = idPrefix;
  return (
    <form className="form exam-form" onSubmit={submit} data-testid={`${p}-definition`}>
      <div className="form-grid">
        <label className="field">
          <span>{t('admin.exams.field.title')}</span>
          <input
            required
            maxLength={160}
            value={def.title}
            onChange={(e) => setDef({ ...def, title: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('admin.exams.field.scheme')}</span>
          <select
            value={def.scheme}
            onChange={(e) => setDef({ ...def, scheme: e.target.value as Def['scheme'] })}
          >
            {SCHEMES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.exams.scheme.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('admin.exams.field.duration')}</span>
          <input
            type="number"
            required
            min={1}
            max={600}
            value={Number.isFinite(def.durationMinutes) ? def.durationMinutes : ''}
            onChange={(e) => setDef({ ...def, durationMinutes: num(e.target.value) })}
          />
        </label>
      </div>

      <fieldset className="exam-fieldset">
        <legend>{t('admin.exams.sections')}</legend>
        {def.sections.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (no id of their own) and every input is controlled
          <div className="exam-section" key={`${p}-s-${i}`} data-testid={`${p}-section-${i}`}>
            <div className="form-grid">
              <label className="field">
                <span>{t('admin.exams.field.sectionId')}</span>
                <input
                  required
                  value={s.id}
                  onChange={(e) => setSection(i, { ...s, id: e.target.value.trim() })}
                />
              </label>
              <label className="field">
                <span>{t('admin.exams.field.sectionTitle')}</span>
                <input
                  required
                  value={s.title}
                  onChange={(e) => setSection(i, { ...s, title: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('admin.exams.field.bank')}</span>
                <input
                  required
                  value={s.bankId}
                  onChange={(e) => setSection(i, { ...s, bankId: e.target.value.trim() })}
                />
              </label>
              <label className="field">
                <span>{t('admin.exams.field.points')}</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  value={Number.isFinite(s.correctPoints) ? s.correctPoints : ''}
                  onChange={(e) => setSection(i, { ...s, correctPoints: num(e.target.value) })}
                />
              </label>
            </div>
            <table className="table table-compact">
              <caption className="sr-only">{t('admin.exams.blueprintOf', { id: s.id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.exams.field.category')}</th>
                  <th scope="col" className="num">
                    {t('admin.exams.field.count')}
                  </th>
                  <th scope="col">{t('admin.exams.field.difficulty')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('admin.sessions.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.draws.map((d, k) => {
                  const setDraw = (next: typeof d) =>
                    setSection(i, { ...s, draws: s.draws.map((x, j) => (j === k ? next : x)) });
                  const n = { section: s.id, n: k + 1 };
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (no id of their own) and every input is controlled
                    <tr key={`${p}-d-${i}-${k}`}>
                      <td>
                        <input
                          required
                          aria-label={t('admin.exams.aria.category', n)}
                          value={d.category}
                          onChange={(e) => setDraw({ ...d, category: e.target.value.trim() })}
                        />
                      </td>
                      <td className="num">
                        <input
                          type="number"
                          required
                          min={1}
                          max={1000}
                          aria-label={t('admin.exams.aria.count', n)}
                          value={Number.isFinite(d.count) ? d.count : ''}
                          onChange={(e) => setDraw({ ...d, count: num(e.target.value) })}
                        />
                      </td>
                      <td>
                        <select
                          aria-label={t('admin.exams.aria.difficulty', n)}
                          value={d.difficulty ?? ''}
                          onChange={(e) => {
                            const v = e.target.value as (typeof DIFFICULTIES)[number];
                            setDraw(v ? { ...d, difficulty: v } : { category: d.category, count: d.count });
                          }}
                        >
                          {DIFFICULTIES.map((v) => (
                            <option key={v} value={v}>
                              {t(v ? `admin.exams.difficulty.${v}` : 'admin.exams.difficulty.any')}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {s.draws.length > 1 && (
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => setSection(i, { ...s, draws: s.draws.filter((_, j) => j !== k) })}
                          >
                            {t('admin.exams.removeDraw', n)}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="actions-bar">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setSection(i, { ...s, draws: [...s.draws, { category: '', count: 1 }] })}
              >
                {t('admin.exams.addDraw', { section: s.id })}
              </button>
              {def.sections.length > 1 && (
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => setDef({ ...def, sections: def.sections.filter((_, k) => k !== i) })}
                >
                  {t('admin.exams.removeSection', { section: s.id })}
                </button>
              )}
            </div>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() =>
            setDef({
              ...def,
              sections: [
                ...def.sections,
                blankSection(def.sections.length + 1, def.sections[0]?.bankId ?? ''),
              ],
            })
          }
        >
          {t('admin.exams.addSection')}
        </button>
      </fieldset>

      <fieldset className="exam-fieldset">
        <legend>{t('admin.exams.passingGrades')}</legend>
        {def.passingGrades.length === 0 && <p className="muted small">{t('admin.exams.noPassingGrades')}</p>}
        {def.passingGrades.length > 0 && (
          <div className="table-wrap">
            <table className="table table-compact">
              <caption className="sr-only">{t('admin.exams.passingGrades')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.exams.field.formationType')}</th>
                  <th scope="col">{t('admin.exams.field.label')}</th>
                  {def.sections.map((s) => (
                    <th scope="col" key={s.id} className="num">
                      {t('admin.exams.minOf', { section: s.id })}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('admin.exams.field.total')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('admin.sessions.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {def.passingGrades.map((g, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (no id of their own) and every input is controlled
                  <tr key={`${p}-g-${i}`}>
                    <td>
                      <input
                        required
                        aria-label={t('admin.exams.aria.formationType', { n: i + 1 })}
                        value={g.formationType}
                        onChange={(e) => setGrade(i, { ...g, formationType: e.target.value.trim() })}
                      />
                    </td>
                    <td>
                      <input
                        required
                        aria-label={t('admin.exams.aria.label', { n: i + 1 })}
                        value={g.label}
                        onChange={(e) => setGrade(i, { ...g, label: e.target.value })}
                      />
                    </td>
                    {def.sections.map((s) => (
                      <td key={s.id} className="num">
                        <input
                          type="number"
                          min={0}
                          aria-label={t('admin.exams.aria.min', { section: s.id, n: i + 1 })}
                          value={g.sections[s.id] ?? ''}
                          onChange={(e) => {
                            const sections = { ...g.sections };
                            if (e.target.value === '') delete sections[s.id];
                            else sections[s.id] = num(e.target.value);
                            setGrade(i, { ...g, sections });
                          }}
                        />
                      </td>
                    ))}
                    <td className="num">
                      <input
                        type="number"
                        min={0}
                        aria-label={t('admin.exams.aria.total', { n: i + 1 })}
                        value={g.total ?? ''}
                        onChange={(e) => {
                          const { total: _, ...rest } = g;
                          setGrade(i, e.target.value === '' ? rest : { ...rest, total: num(e.target.value) });
                        }}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() =>
                          setDef({ ...def, passingGrades: def.passingGrades.filter((_, k) => k !== i) })
                        }
                      >
                        {t('admin.exams.removeGrade', { n: i + 1 })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <button
          type="button"
          className="btn"
          onClick={() =>
            setDef({
              ...def,
              passingGrades: [...def.passingGrades, { formationType: '', label: '', sections: {} }],
            })
          }
        >
          {t('admin.exams.addGrade')}
        </button>
      </fieldset>

      <fieldset className="exam-fieldset">
        <legend>{t('admin.exams.pins')}</legend>
        <p className="muted small">{t('admin.exams.pinsHelp')}</p>
        {banks.map((b) => (
          <BankPin
            key={b}
            token={token}
            bankId={b}
            value={def.bankSnapshots?.[b] ?? ''}
            onChange={(v) => setDef({ ...def, bankSnapshots: { ...def.bankSnapshots, [b]: v } })}
          />
        ))}
      </fieldset>

      <FieldErrors error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

/** The snapshot of one bank the version pins: its current one (default) or an earlier one. */
function BankPin({
  token,
  bankId,
  value,
  onChange,
}: {
  token: string;
  bankId: string;
  value: string;
  onChange(v: string): void;
}) {
  const { t, lang } = useI18n();
  const [snaps, setSnaps] = useState<SnapshotSummary[]>([]);
  useEffect(() => {
    let live = true;
    examsApi
      .snapshots(token, bankId)
      .then((r) => live && setSnaps(r.snapshots))
      .catch(() => live && setSnaps([]));
    return () => {
      live = false;
    };
  }, [token, bankId]);
  return (
    <label className="field">
      <span>{t('admin.exams.pinOf', { bank: bankId })}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('admin.exams.pinCurrent')}</option>
        {/* the pinned snapshot stays shown (and chosen) while the bank's list loads or if it left the list */}
        {value && !snaps.some((s) => s.snapshotId === value) && (
          <option value={value}>{`${value.slice(0, 12)}…`}</option>
        )}
        {snaps.map((s) => (
          <option key={s.snapshotId} value={s.snapshotId}>
            {`${s.snapshotId.slice(0, 12)} · ${t('admin.banks.items', { n: s.itemCount })}${
              s.createdAt ? ` · ${formatDateTime(s.createdAt, lang)}` : ''
            }`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An API refusal with its field messages (zod paths) listed under the error text. */
export function FieldErrors({ error }: { error: unknown }) {
  const { t } = useI18n();
  const fields = error instanceof ApiError ? error.fields : undefined;
  const small =
    error instanceof ApiError && error.code === 'BANK_TOO_SMALL' ? tooSmall(error.details) : undefined;
  return (
    <>
      <ErrorAlert error={error} />
      {small && <p className="small">{t('admin.exams.tooSmall', small)}</p>}
      {fields && Object.keys(fields).length > 0 && (
        <ul className="field-errors small" data-testid="field-errors">
          {Object.entries(fields).map(([path, msgs]) => (
            <li key={path}>
              <code>{path}</code>: {msgs.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The numbers of a BANK_TOO_SMALL refusal: which section and category, how many needed and available. */
const tooSmall = (details: unknown) => {
  const d = details as Record<string, unknown> | undefined;
  if (!d || typeof d.needed !== 'number' || typeof d.available !== 'number') return undefined;
  return {
    section: String(d.sectionId ?? ''),
    category: String(d.category ?? ''),
    needed: d.needed,
    available: d.available,
  };
};
