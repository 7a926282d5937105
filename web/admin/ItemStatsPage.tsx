// Item statistics of a closed session: reliability per section (method named) and per item p, item-rest r,
// option counts and flags (negative discrimination highlighted), with the CSV export.
import { consoleApi, downloadFile, type ItemStatRow } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

const fixed = (x: number | null, d = 3) => (x === null ? '—' : x.toFixed(d));

export function ItemStatsPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  const path = `/api/admin/sessions/${encodeURIComponent(sessionId)}/item-statistics`;
  const { data: stats, error } = useStaffQuery(
    token,
    handleAuthError,
    (tok) => consoleApi.itemStatistics(tok, sessionId),
    [sessionId],
  );
  const download = useAction(handleAuthError);

  const csv = () =>
    download.run(() => downloadFile(token, `${path}?format=csv`, `statistik-butir-${sessionId}.csv`));

  if (!staff) return null;
  const options = stats ? [...new Set(stats.items.flatMap((i) => Object.keys(i.choices)))].sort() : [];
  const flagText = (i: ItemStatRow) =>
    i.flags.map((f) =>
      f === 'negative-discrimination' ? t('admin.items.flag.negative') : t('admin.items.flag.noVariance'),
    );
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.items.title', { id: sessionId })}</PageTitle>
        <div className="actions">
          <a className="btn" href={paths.adminResults(sessionId)}>
            {t('admin.sessions.results')}
          </a>
          <button type="button" className="btn btn-primary" onClick={csv} disabled={download.busy}>
            {t('admin.results.csv')}
          </button>
        </div>
      </div>
      <p className="small muted">{t('admin.items.help')}</p>
      <ErrorAlert error={download.error ?? error} />
      {stats === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {stats && (
        <>
          <h2>{t('admin.items.reliability')}</h2>
          {stats.sections.length === 0 && <p className="muted">{t('admin.items.empty')}</p>}
          <div className="table-wrap" hidden={stats.sections.length === 0}>
            <table className="table" data-testid="reliability">
              <thead>
                <tr>
                  <th scope="col">{t('admin.items.col.section')}</th>
                  <th scope="col">{t('admin.items.col.method')}</th>
                  <th scope="col" className="num">
                    {t('admin.items.col.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.items.col.candidates')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.items.col.perForm')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.sections.map((s) => (
                  <tr key={s.sectionId}>
                    <th scope="row">{s.sectionId}</th>
                    <td>{t(`admin.items.method.${s.method}`)}</td>
                    <td className="num">{fixed(s.value)}</td>
                    <td className="num">{s.candidates}</td>
                    <td className="num">{s.itemsPerForm}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('admin.items.items')}</h2>
          {stats.items.length === 0 && <p className="muted">{t('admin.items.empty')}</p>}
          {stats.items.length > 0 && (
            <div className="table-wrap">
              <table className="table table-compact" data-testid="item-stats">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.items.col.section')}</th>
                    <th scope="col">{t('admin.items.col.item')}</th>
                    <th scope="col" className="num">
                      {t('admin.items.col.served')}
                    </th>
                    <th scope="col" className="num">
                      p
                    </th>
                    <th scope="col" className="num">
                      r<sub>it</sub>
                    </th>
                    {options.map((o) => (
                      <th key={o} scope="col" className="num">
                        {o}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('admin.items.col.omitted')}
                    </th>
                    <th scope="col">{t('admin.items.col.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.items.map((i) => (
                    <tr
                      key={`${i.sectionId}/${i.itemId}`}
                      className={i.flags.includes('negative-discrimination') ? 'flagged-row' : undefined}
                    >
                      <td>{i.sectionId}</td>
                      <th scope="row" className="mono">
                        {i.itemId}
                      </th>
                      <td className="num">{i.served}</td>
                      <td className="num">{fixed(i.p)}</td>
                      <td className="num">{fixed(i.pointBiserial)}</td>
                      {options.map((o) => (
                        <td key={o} className="num">
                          {i.choices[o] ?? 0}
                        </td>
                      ))}
                      <td className="num">{i.omitted}</td>
                      <td>{flagText(i).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </StaffLayout>
  );
}
