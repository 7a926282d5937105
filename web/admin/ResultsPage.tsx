// Results of a session or a formation: the table (section scores, total, pass/fail, receipt) and the CSV export
// (UTF-8 with BOM, as the API sends it); a session's page links its item statistics.
import { consoleApi, downloadFile, type ResultRow } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { DataTable } from './DataTable.tsx';
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
      <DataTable
        caption={
          bySession
            ? t('admin.results.sessionTitle', { id: key })
            : t('admin.results.formationTitle', { id: key })
        }
        testId="results"
        rows={data?.results ?? null}
        failed={error !== null}
        empty={t('admin.results.empty')}
        rowKey={(r) => r.attemptId}
        columns={[
          { header: t('admin.roster.col.regNo'), className: 'mono', cell: (r) => r.regNo },
          { header: t('admin.roster.col.name'), cell: (r) => r.name },
          {
            header: t('admin.roster.col.formation'),
            cell: (r) => <a href={paths.adminFormationResults(r.formationId)}>{r.formationId}</a>,
          },
          ...(data?.sectionIds ?? []).map((s) => ({
            header: s,
            num: true,
            cell: (r: ResultRow) => r.sections[s] ?? 0,
          })),
          { header: t('admin.results.col.total'), num: true, cell: (r) => r.total },
          {
            header: t('admin.results.col.passed'),
            cell: (r) =>
              r.passed === null ? (
                '—'
              ) : (
                <span className={r.passed ? 'pill pill-ok' : 'pill pill-expired'}>
                  {t(r.passed ? 'admin.results.pass' : 'admin.results.fail')}
                </span>
              ),
          },
          {
            header: t('admin.results.col.receipt'),
            className: 'mono small',
            cell: (r) => <span title={r.logHash}>{r.logHash.slice(0, 12)}…</span>,
          },
        ]}
      />
    </StaffLayout>
  );
}
