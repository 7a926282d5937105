// The admin audit log of one UTC day: every admin/proctor action (actor, action, target, reason, time) and the
// verdict of the day's hash chain (intact with its head hash, or the first entry where it breaks).
import { useState } from 'react';
import { type AuditEntryRow, consoleApi } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { DataTable } from './DataTable.tsx';
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
          <DataTable
            caption={t('admin.audit.title')}
            compact
            testId="audit-log"
            rows={log.entries}
            empty={t('admin.audit.empty')}
            rowKey={(e) => String(e.seq)}
            rowHeader={3}
            columns={[
              { header: '#', num: true, cell: (e) => e.seq },
              { header: t('admin.audit.col.time'), className: 'mono', cell: (e) => utcTime(e.at) },
              { header: t('admin.audit.col.actor'), cell: actor },
              { header: t('admin.audit.col.action'), className: 'mono', cell: (e) => e.action },
              { header: t('admin.audit.col.target'), className: 'mono small', cell: (e) => e.target },
              { header: t('admin.audit.col.reason'), cell: (e) => e.reason ?? '' },
            ]}
          />
        </>
      )}
    </StaffLayout>
  );
}
