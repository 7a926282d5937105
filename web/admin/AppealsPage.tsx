// Appeals (admin only): every candidate appeal, newest first, answered once (uphold / reject) with a reason the
// audit log records; an answer after the due date is marked late.
import type { AppealView } from '../../functions/schemas/appeals.ts';
import { adminApi } from '../api/admin.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { DataTable } from './DataTable.tsx';
import { formatDateTime } from './format.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useDialogAction } from './useDialogAction.ts';
import { useStaff, useStaffQuery } from './useStaff.ts';

type Decision = 'upheld' | 'rejected';

export function AppealsPage() {
  const { t, lang } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  const { data, error, reload } = useStaffQuery(token, handleAuthError, (tok) => adminApi.appeals(tok), []);
  const list = data?.appeals ?? null;
  const dialog = useDialogAction<{ appeal: AppealView; decision: Decision }>(handleAuthError);
  const open = dialog.target;

  const answer = (reason: string) =>
    dialog.run(async ({ appeal, decision }) => {
      await adminApi.resolveAppeal(token, appeal.attemptId, decision, reason);
      return t('admin.appeals.done', { regNo: appeal.regNo });
    }, reload);

  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <PageTitle>{t('admin.appeals.title')}</PageTitle>
      <ErrorAlert error={error} />
      {dialog.notice && (
        <output className="alert alert-ok" aria-live="polite">
          {dialog.notice}
        </output>
      )}
      <DataTable
        caption={t('admin.appeals.title')}
        testId="appeals"
        rows={list}
        failed={error !== null}
        empty={t('admin.appeals.empty')}
        rowKey={(a) => a.attemptId}
        rowAttrs={(a) => ({ 'data-appeal': a.attemptId })}
        columns={[
          { header: t('admin.attempts.col.regNo'), className: 'mono', cell: (a) => a.regNo },
          { header: t('admin.appeals.col.filed'), cell: (a) => formatDateTime(a.filedAt, lang) },
          { header: t('admin.appeals.col.text'), className: 'appeal-text', cell: (a) => a.text },
          {
            header: t('admin.appeals.col.status'),
            cell: (a) => (
              <span className={`pill pill-appeal-${a.status}`}>{t(`appeal.status.${a.status}`)}</span>
            ),
          },
          { header: t('admin.appeals.col.answerBy'), cell: (a) => formatDateTime(a.answerBy, lang) },
          {
            header: t('admin.appeals.col.answer'),
            cell: (a) =>
              a.resolution ? (
                <>
                  {a.resolution.reason}{' '}
                  <span className="small muted">
                    ({a.resolution.by}, {formatDateTime(a.resolution.at, lang)}
                    {a.resolution.late ? `, ${t('admin.appeals.late')}` : ''})
                  </span>
                </>
              ) : (
                <div className="actions">
                  {(['upheld', 'rejected'] as const).map((decision) => (
                    <button
                      key={decision}
                      type="button"
                      className={
                        decision === 'rejected' ? 'btn btn-small btn-danger-outline' : 'btn btn-small'
                      }
                      onClick={() => dialog.open({ appeal: a, decision })}
                    >
                      {t(decision === 'upheld' ? 'admin.appeals.uphold' : 'admin.appeals.reject')}
                    </button>
                  ))}
                </div>
              ),
          },
        ]}
      />
      <ReasonDialog
        open={open !== null}
        title={
          open
            ? t('admin.appeals.dialog', {
                decision: t(open.decision === 'upheld' ? 'admin.appeals.uphold' : 'admin.appeals.reject'),
                regNo: open.appeal.regNo,
              })
            : ''
        }
        confirm={t('admin.action.confirm')}
        danger={open?.decision === 'rejected'}
        busy={dialog.busy}
        error={dialog.error}
        onConfirm={(reason) => void answer(reason)}
        onClose={dialog.close}
      />
    </StaffLayout>
  );
}
