// An exam's psych norm settings (admins): the norm group its reports use (its candidates or an imported CSV
// table) and the low/average/high cut-offs on the T scale; every bad CSV line is listed when refused.
import { type FormEvent, useId, useState } from 'react';
import type { PsychNormsView } from '../../functions/schemas/psych-norms.ts';
import { ApiError } from '../api/errors.ts';
import { psychNormsApi } from '../api/psych.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { useDraft } from '../lib/useDraft.ts';
import { useStaffQuery } from './useStaff.ts';
import '../candidate/psych/psych.css';

/** The stored settings the form edits (the CSV and the reason are typed fresh for each change). */
const toFields = (n: PsychNormsView) => ({
  source: n.source,
  description: n.table?.description ?? '',
  low: String(n.cutoffs.lowBelow),
  high: String(n.cutoffs.highAbove),
});

interface Props {
  token: string;
  examId: string;
  onAuthError(err: unknown): boolean;
}

export function PsychNormsForm({ token, examId, onAuthError }: Props) {
  const { t } = useI18n();
  const uid = useId();
  const stored = useStaffQuery(token, onAuthError, (tok) => psychNormsApi.get(tok, examId), [examId]);
  const current = stored.data?.norms ?? null;
  // The fields show the stored settings once loaded; a load answering late never overwrites a choice.
  const { draft, change, discard } = useDraft(current && toFields(current), examId);
  const [csv, setCsv] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction(onAuthError);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setSaved(false);
    const { source, description } = draft;
    const cutoffs = { lowBelow: Number(draft.low), highAbove: Number(draft.high) };
    await run(async () => {
      const answer = await psychNormsApi.put(
        token,
        examId,
        source === 'table' ? { source, csv, description, cutoffs, reason } : { source, cutoffs, reason },
      );
      stored.setData(answer);
      discard();
      setSaved(true);
    });
  }

  if (!current || !draft)
    return (
      <section className="psych-norms" aria-labelledby={`${uid}-h`} aria-busy="true">
        <h3 id={`${uid}-h`}>{t('psych.norms.title')}</h3>
        <p className="muted">{t('common.loading')}</p>
        <ErrorAlert error={stored.error} />
      </section>
    );
  const { source, description, low, high } = draft;
  const fields = error instanceof ApiError ? Object.entries(error.fields ?? {}) : [];
  return (
    <form className="psych-norms" onSubmit={submit} aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('psych.norms.title')}</h3>
      <p data-testid="norms-current">
        {current.source === 'table' && current.table
          ? t('psych.report.normTable', { description: current.table.description })
          : t('psych.norms.fromCandidates')}{' '}
        {t('psych.report.cutoffs', { low: current.cutoffs.lowBelow, high: current.cutoffs.highAbove })}
      </p>
      <fieldset className="segmented">
        <legend>{t('psych.norms.source')}</legend>
        <label>
          <input
            type="radio"
            name={`${uid}-source`}
            checked={source === 'candidates'}
            onChange={() => change({ ...draft, source: 'candidates' })}
          />
          {t('psych.norms.sourceCandidates')}
        </label>
        <label>
          <input
            type="radio"
            name={`${uid}-source`}
            checked={source === 'table'}
            onChange={() => change({ ...draft, source: 'table' })}
          />
          {t('psych.norms.sourceTable')}
        </label>
      </fieldset>
      <div className="form-grid psych-norms-grid">
        {source === 'table' && (
          <>
            <div className="field field-wide">
              <label htmlFor={`${uid}-desc`}>{t('psych.norms.description')}</label>
              <input
                id={`${uid}-desc`}
                value={description}
                onChange={(e) => change({ ...draft, description: e.target.value })}
              />
            </div>
            <div className="field field-wide">
              <label htmlFor={`${uid}-csv`}>{t('psych.norms.csv')}</label>
              <textarea
                id={`${uid}-csv`}
                rows={5}
                className="mono"
                value={csv}
                onChange={(e) => setCsv(e.target.value)}
                aria-describedby={`${uid}-csv-help`}
              />
              <span id={`${uid}-csv-help`} className="small muted">
                {t('psych.norms.csvHelp')}
              </span>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${uid}-low`}>{t('psych.norms.low')}</label>
          <input
            id={`${uid}-low`}
            type="number"
            min={0}
            max={100}
            value={low}
            onChange={(e) => change({ ...draft, low: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-high`}>{t('psych.norms.high')}</label>
          <input
            id={`${uid}-high`}
            type="number"
            min={0}
            max={100}
            value={high}
            onChange={(e) => change({ ...draft, high: e.target.value })}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${uid}-reason`}>{t('psych.norms.reason')}</label>
          <input
            id={`${uid}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={3}
          />
        </div>
      </div>
      <ErrorAlert error={error ?? stored.error} />
      {fields.length > 0 && (
        <ul className="field-errors">
          {fields.map(([k, msgs]) => (
            <li key={k}>
              {k}: {msgs.join('; ')}
            </li>
          ))}
        </ul>
      )}
      {saved && (
        <p role="status" className="alert alert-ok">
          {t('psych.norms.saved')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('psych.norms.save')}
      </button>
    </form>
  );
}
