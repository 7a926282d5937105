// Results of a session or a formation: the table (section scores, total, pass/fail, receipt) and the CSV export
// (UTF-8 with BOM, as the API sends it); a session's page links its item statistics.
import { consoleApi, downloadFile, type ResultRow } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

type Of = { sessionId: string } | { formationId: string };

export function ResultsPage(props: Of) {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  const bySession = 'sessionId' in props;
  const key = bySession ? props.sessionId : props.formationId;
  const enc = encodeURIComponent(key);
  const apiPath = bySession ? `/api/admin/sessions/${enc}/results` : `/api/admin/formations/${enc}/results`;

  const { data, error } = useStaffQuery(
    token,
    handleAuthError,
    (tok): Promise<{ results: ResultRow[]; sectionIds: string[] }> =>
      bySession ? consoleApi.sessionResults(tok, key) : consoleApi.formationResults(tok, key),
    [bySession, key],
  );

  const download = useAction(handleAuthError);
  const csv = () => download.run(() => downloadFile(token, `${apiPath}?format=csv`, `hasil-${key}.csv`));

  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>
          {bySession
            ? t('admin.results.sessionTitle', { id: key })
            : t('admin.results.formationTitle', { id: key })}
        </PageTitle>
        <div className="actions">
          {bySession && (
            <a className="btn" href={paths.adminItemStats(key)}>
              {t('admin.results.items')}
            </a>
          )}
          <button type="button" className="btn btn-primary" onClick={csv} disabled={download.busy}>
            {t('admin.results.csv')}
          </button>
        </div>
      </div>
      <p className="small muted">{t('admin.results.help')}</p>
      <ErrorAlert error={download.error ?? error} />
      {data === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {data?.results.length === 0 && <p className="muted">{t('admin.results.empty')}</p>}
      {data && data.results.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="results">
            <thead>
              <tr>
                <th scope="col">{t('admin.roster.col.regNo')}</th>
                <th scope="col">{t('admin.roster.col.name')}</th>
                <th scope="col">{t('admin.roster.col.formation')}</th>
                {data.sectionIds.map((s) => (
                  <th key={s} scope="col" className="num">
                    {s}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('admin.results.col.total')}
                </th>
                <th scope="col">{t('admin.results.col.passed')}</th>
                <th scope="col">{t('admin.results.col.receipt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.results.map((r) => (
                <tr key={r.attemptId}>
                  <th scope="row" className="mono">
                    {r.regNo}
                  </th>
                  <td>{r.name}</td>
                  <td>
                    <a href={paths.adminFormationResults(r.formationId)}>{r.formationId}</a>
                  </td>
                  {data.sectionIds.map((s) => (
                    <td key={s} className="num">
                      {r.sections[s] ?? 0}
                    </td>
                  ))}
                  <td className="num">{r.total}</td>
                  <td>
                    {r.passed === null ? (
                      '—'
                    ) : (
                      <span className={r.passed ? 'pill pill-ok' : 'pill pill-expired'}>
                        {t(r.passed ? 'admin.results.pass' : 'admin.results.fail')}
                      </span>
                    )}
                  </td>
                  <td className="mono small" title={r.logHash}>
                    {r.logHash.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
