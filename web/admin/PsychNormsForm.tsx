// An exam's psych norm settings (admins): the norm group its reports use (its candidates or an imported CSV
// table) and the low/average/high cut-offs on the T scale; every bad CSV line is listed when refused.
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { PsychNormsView } from '../../functions/schemas/psych-norms.ts';
import { ApiError } from '../api/errors.ts';
import { psychNormsApi } from '../api/psych.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import '../candidate/psych/psych.css';

export function PsychNormsForm({ token, examId }: { token: string; examId: string }) {
  const { t } = useI18n();
  const uid = useId();
  const [current, setCurrent] = useState<PsychNormsView | null>(null);
  const [source, setSource] = useState<'candidates' | 'table'>('candidates');
  const [csv, setCsv] = useState('');
  const [description, setDescription] = useState('');
  const [low, setLow] = useState('40');
  const [high, setHigh] = useState('60');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    psychNormsApi.get(token, examId).then(({ norms }) => {
      setCurrent(norms);
      setSource(norms.source);
      setDescription(norms.table?.description ?? '');
      setLow(String(norms.cutoffs.lowBelow));
      setHigh(String(norms.cutoffs.highAbove));
    }, setError);
  }, [token, examId, setError]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const cutoffs = { lowBelow: Number(low), highAbove: Number(high) };
    await run(async () => {
      const { norms } = await psychNormsApi.put(
        token,
        examId,
        source === 'table' ? { source, csv, description, cutoffs, reason } : { source, cutoffs, reason },
      );
      setCurrent(norms);
      setSaved(true);
    });
  }

  // The fields appear once the stored settings are in: an answer arriving after a choice would overwrite it.
  if (!current)
    return (
      <section className="psych-norms" aria-labelledby={`${uid}-h`} aria-busy="true">
        <h3 id={`${uid}-h`}>{t('psych.norms.title')}</h3>
        <p className="muted">{t('common.loading')}</p>
        <ErrorAlert error={error} />
      </section>
    );
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
            onChange={() => setSource('candidates')}
          />
          {t('psych.norms.sourceCandidates')}
        </label>
        <label>
          <input
            type="radio"
            name={`${uid}-source`}
            checked={source === 'table'}
            onChange={() => setSource('table')}
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
                onChange={(e) => setDescription(e.target.value)}
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
            onChange={(e) => setLow(e.target.value)}
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
            onChange={(e) => setHigh(e.target.value)}
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
      <ErrorAlert error={error} />
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
