// The admin audit log of one UTC day: every admin/proctor action (actor, action, target, reason, time) and the
// verdict of the day's hash chain (intact with its head hash, or the first entry where it breaks).
import { useState } from 'react';
import { type AuditEntryRow, consoleApi } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

const utcTime = (at: number) => new Date(at).toISOString().slice(11, 19);

export function AuditLogPage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const { data: log, error } = useStaffQuery(
    staff?.token ?? '',
    handleAuthError,
    (token) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? consoleApi.auditLog(token, day) : null),
    [day],
    { clear: true },
  );

  if (!staff) return null;
  const actor = (e: AuditEntryRow) => (e.actor.id ? `${e.actor.id} (${e.actor.role})` : e.actor.role);
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.audit.title')}</PageTitle>
        <label className="field field-inline">
          <span>{t('admin.audit.day')}</span>
          <input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        </label>
      </div>
      <ErrorAlert error={error} />
      {log === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {log && (
        <>
          {log.verdict.ok ? (
            <p className="notice" data-testid="audit-verdict">
              {t('admin.audit.intact', { n: log.verdict.entries, head: log.verdict.head.slice(0, 16) })}
            </p>
          ) : (
            <p className="alert alert-error" role="alert" data-testid="audit-verdict">
              {t('admin.audit.broken', { seq: log.verdict.seq, problem: log.verdict.problem })}
            </p>
          )}
          {log.entries.length === 0 && <p className="muted">{t('admin.audit.empty')}</p>}
          {log.entries.length > 0 && (
            <div className="table-wrap">
              <table className="table table-compact" data-testid="audit-log">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col">{t('admin.audit.col.time')}</th>
                    <th scope="col">{t('admin.audit.col.actor')}</th>
                    <th scope="col">{t('admin.audit.col.action')}</th>
                    <th scope="col">{t('admin.audit.col.target')}</th>
                    <th scope="col">{t('admin.audit.col.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.entries.map((e) => (
                    <tr key={e.seq}>
                      <td className="num">{e.seq}</td>
                      <td className="mono">{utcTime(e.at)}</td>
                      <td>{actor(e)}</td>
                      <th scope="row" className="mono">
                        {e.action}
                      </th>
                      <td className="mono small">{e.target}</td>
                      <td>{e.reason ?? ''}</td>
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
