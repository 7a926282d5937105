// Appeals (admin only): every candidate appeal, newest first, answered once (uphold / reject) with a reason the
// audit log records; an answer after the due date is marked late.
import { useCallback, useEffect, useState } from 'react';
import type { AppealView } from '../../functions/schemas/appeals.ts';
import { adminApi } from '../api/admin.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { formatDateTime } from './format.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff } from './useStaff.ts';

type Decision = 'upheld' | 'rejected';

export function AppealsPage() {
  const { t, lang } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [list, setList] = useState<AppealView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<{ appeal: AppealView; decision: Decision } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const token = staff?.token ?? '';

  const load = useCallback(() => {
    if (!token) return;
    adminApi
      .appeals(token)
      .then((r) => {
        setList(r.appeals);
        setError(null);
      })
      .catch((err) => handleAuthError(err) || setError(err));
  }, [token, handleAuthError]);
  useEffect(load, [load]);

  async function answer(reason: string) {
    if (!open) return;
    setBusy(true);
    setDialogError(null);
    try {
      await adminApi.resolveAppeal(token, open.appeal.attemptId, open.decision, reason);
      setNotice(t('admin.appeals.done', { regNo: open.appeal.regNo }));
      setOpen(null);
      load();
    } catch (err) {
      if (!handleAuthError(err)) setDialogError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <PageTitle>{t('admin.appeals.title')}</PageTitle>
      <ErrorAlert error={error} />
      {notice && (
        <output className="alert alert-ok" aria-live="polite">
          {notice}
        </output>
      )}
      {list === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {list?.length === 0 && <p className="muted">{t('admin.appeals.empty')}</p>}
      {list && list.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="appeals">
            <thead>
              <tr>
                <th scope="col">{t('admin.attempts.col.regNo')}</th>
                <th scope="col">{t('admin.appeals.col.filed')}</th>
                <th scope="col">{t('admin.appeals.col.text')}</th>
                <th scope="col">{t('admin.appeals.col.status')}</th>
                <th scope="col">{t('admin.appeals.col.answerBy')}</th>
                <th scope="col">{t('admin.appeals.col.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.attemptId} data-appeal={a.attemptId}>
                  <th scope="row" className="mono">
                    {a.regNo}
                  </th>
                  <td>{formatDateTime(a.filedAt, lang)}</td>
                  <td className="appeal-text">{a.text}</td>
                  <td>
                    <span className={`pill pill-appeal-${a.status}`}>{t(`appeal.status.${a.status}`)}</span>
                  </td>
                  <td>{formatDateTime(a.answerBy, lang)}</td>
                  <td>
                    {a.resolution ? (
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
                            onClick={() => {
                              setDialogError(null);
                              setOpen({ appeal: a, decision });
                            }}
                          >
                            {t(decision === 'upheld' ? 'admin.appeals.uphold' : 'admin.appeals.reject')}
                          </button>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
        busy={busy}
        error={dialogError}
        onConfirm={(reason) => void answer(reason)}
        onClose={() => setOpen(null)}
      />
    </StaffLayout>
  );
}
