// Auditor console: sign in, sessions with their commitments (and the secret once revealed), and offline-verifiable
// bundles of an exam (public; personal data only for named auditors) with the command that verifies them.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { auditorSessionsResponse, bundleResponse } from '../../functions/schemas/auditor.ts';
import { auditorApi } from '../api/auditor.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { StaffLoginForm } from '../components/StaffLoginForm.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { getStaff, type StaffAuth, setStaff } from '../lib/auth.ts';
import { useAction } from '../lib/useAction.ts';
import { AuditorAppeals } from './AuditorAppeals.tsx';

type Sessions = z.infer<typeof auditorSessionsResponse>['sessions'];
type Bundle = z.infer<typeof bundleResponse>['bundle'];

export function AuditorPage() {
  const [auth, setAuth] = useState<StaffAuth | null>(() => {
    const s = getStaff();
    return s?.role === 'auditor' ? s : null;
  });
  const logout = () => {
    setStaff(null);
    setAuth(null);
  };
  return auth ? <Console auth={auth} onLogout={logout} /> : <AuditorLogin onIn={setAuth} />;
}

function AuditorLogin({ onIn }: { onIn: (a: StaffAuth) => void }) {
  const { t } = useI18n();
  return <StaffLoginForm title={t('auditor.login.title')} login={auditorApi.login} onIn={onIn} />;
}

function Console({ auth, onLogout }: { auth: StaffAuth; onLogout: () => void }) {
  const { t, lang } = useI18n();
  const [sessions, setSessions] = useState<Sessions | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [examId, setExamId] = useState('');
  const [personal, setPersonal] = useState(false);
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const { busy, error, run } = useAction();

  const load = useCallback(() => {
    auditorApi.sessions(auth.token).then((r) => {
      setSessions(r.sessions);
      setExamId((x) => x || r.sessions[0]?.examId || '');
    }, setLoadError);
  }, [auth.token]);
  useEffect(load, [load]);

  const onBundle = (e: FormEvent) => {
    e.preventDefault();
    setBundle(null);
    void run(async () => setBundle((await auditorApi.bundle(auth.token, { examId, personal })).bundle));
  };
  const when = (ms: number) => new Date(ms).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  const exams = [...new Set((sessions ?? []).map((s) => s.examId))];

  return (
    <Layout
      wide
      header={
        <button type="button" className="btn btn-small" onClick={onLogout}>
          {t('common.logout')}
        </button>
      }
    >
      <section className="card">
        <PageTitle>{t('auditor.title')}</PageTitle>
        <p className="muted">{t('auditor.intro')}</p>
        <ErrorAlert error={loadError} />
        {sessions === null && !loadError && <p aria-busy="true">{t('common.loading')}</p>}
        {sessions && (
          <div className="table-wrap">
            <table className="table" data-testid="auditor-sessions">
              <thead>
                <tr>
                  <th scope="col">{t('auditor.col.session')}</th>
                  <th scope="col">{t('auditor.col.exam')}</th>
                  <th scope="col">{t('auditor.col.closes')}</th>
                  <th scope="col">{t('auditor.col.commitment')}</th>
                  <th scope="col">{t('auditor.col.secret')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.title}
                      <div className="small muted mono">{s.id}</div>
                    </td>
                    <td className="mono">{s.examId}</td>
                    <td>{when(s.closesAt)}</td>
                    <td className="mono small hash-cell" data-testid="commitment">
                      {s.secretCommitment}
                    </td>
                    <td className={s.secret ? 'mono small hash-cell' : 'mono small'}>
                      {s.secret ?? t('auditor.sealed')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h2>{t('auditor.bundle.title')}</h2>
        <form onSubmit={onBundle} className="form" noValidate>
          <ErrorAlert error={error} />
          <label className="field">
            <span>{t('auditor.col.exam')}</span>
            <select name="examId" value={examId} onChange={(e) => setExamId(e.target.value)}>
              {exams.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />{' '}
            {t('auditor.bundle.personal')}
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || !examId}>
            {t('auditor.bundle.make')}
          </button>
        </form>
        {bundle && (
          <div role="status" className="alert alert-ok" data-testid="bundle-ready">
            <p>
              <a href={bundle.url} download>
                {t('auditor.bundle.download', { n: bundle.attempts, mb: (bundle.bytes / 1e6).toFixed(2) })}
              </a>
            </p>
            <p className="small">
              {t('auditor.bundle.verify')} <code className="mono">npm run verify -- bundle.json</code>
            </p>
          </div>
        )}
      </section>
      <AuditorAppeals token={auth.token} />
    </Layout>
  );
}
