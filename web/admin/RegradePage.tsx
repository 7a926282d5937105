// Regrade screen over POST /api/admin/exams/:examId/regrade: the corrected items (JSON) or a corrected snapshot
// of one bank, with a reason; the answer lists every result whose score moved, old -> new.
import { type FormEvent, useState } from 'react';
import { type RegradeOutcome, skbApi } from '../api/skb.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { ExamSelect } from './ExamSelect.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useExamChoice } from './useExamChoice.ts';
import { useStaff } from './useStaff.ts';

const passText = (p: boolean | null, yes: string, no: string) => (p === null ? '–' : p ? yes : no);

export function RegradePage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  const [bankId, setBankId] = useState('');
  const [reason, setReason] = useState('');
  const [correction, setCorrection] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RegradeOutcome | null>(null);
  const [parseError, setParseError] = useState(false);
  const { exams, examId, setExamId, error, setError, fail } = useExamChoice(token, handleAuthError);

  if (!staff) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setOutcome(null);
    setParseError(false);
    const text = correction.trim();
    let body: unknown;
    if (/^[0-9a-f]{64}$/.test(text)) body = { bankId, reason, snapshotId: text };
    else {
      try {
        const parsed = JSON.parse(text);
        body = { bankId, reason, items: Array.isArray(parsed) ? parsed : [parsed] };
      } catch {
        setParseError(true);
        return;
      }
    }
    setBusy(true);
    try {
      setOutcome((await skbApi.regrade(token, examId, body)).regrade);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  const yes = t('admin.skb.yes');
  const no = t('admin.skb.no');
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <PageTitle>{t('admin.regrade.title')}</PageTitle>
      <section className="card" aria-labelledby="regrade-form">
        <h2 id="regrade-form">{t('admin.regrade.correction')}</h2>
        <p className="small muted" id="regrade-help">
          {t('admin.regrade.help')}
        </p>
        <form onSubmit={submit} className="form form-grid">
          <ExamSelect exams={exams} examId={examId} onChange={setExamId} className="field field-wide" />
          <label className="field">
            <span>{t('admin.regrade.bank')}</span>
            <input value={bankId} required onChange={(e) => setBankId(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('admin.regrade.reason')}</span>
            <input value={reason} required minLength={3} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label className="field field-wide">
            <span>{t('admin.regrade.items')}</span>
            <textarea
              rows={8}
              className="mono"
              required
              aria-describedby="regrade-help"
              value={correction}
              onChange={(e) => setCorrection(e.target.value)}
            />
          </label>
          <div className="field-wide">
            {parseError && (
              <p role="alert" className="alert alert-error">
                {t('admin.regrade.notJson')}
              </p>
            )}
            <button type="submit" className="btn btn-primary" disabled={busy || !examId}>
              {t('admin.regrade.run')}
            </button>
          </div>
        </form>
      </section>
      <ErrorAlert error={error} />
      {outcome && (
        <section className="card" aria-labelledby="regrade-outcome">
          <h2 id="regrade-outcome">{t('admin.regrade.outcome')}</h2>
          <p role="status" className="notice">
            {t('admin.regrade.summary', { rescored: outcome.rescored, changed: outcome.changed })}
          </p>
          {outcome.changed > 0 && (
            <p className="alert" data-testid="regrade-republish">
              {t('admin.regrade.republish')}: <a href={paths.adminExam(outcome.examId)}>{outcome.examId}</a>
            </p>
          )}
          {outcome.affected.length > 0 && (
            <div className="table-wrap">
              <table className="table table-compact" data-testid="regrade-affected">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.skb.col.regNo')}</th>
                    <th scope="col">{t('admin.skb.col.formation')}</th>
                    <th scope="col">{t('admin.regrade.col.sections')}</th>
                    <th scope="col" className="num">
                      {t('admin.regrade.col.total')}
                    </th>
                    <th scope="col">{t('admin.regrade.col.passed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.affected.map((a) => (
                    <tr key={a.attemptId}>
                      <th scope="row" className="mono">
                        {a.regNo}
                      </th>
                      <td className="mono">{a.formationId}</td>
                      <td className="mono">
                        {Object.keys(a.after.sections)
                          .map((s) => `${s} ${a.before.sections[s] ?? 0} → ${a.after.sections[s]}`)
                          .join(' · ')}
                      </td>
                      <td className="num">
                        {a.before.total} → {a.after.total}
                      </td>
                      <td>
                        {passText(a.before.passed, yes, no)} → {passText(a.after.passed, yes, no)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </StaffLayout>
  );
}
