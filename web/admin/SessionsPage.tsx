// Sessions: list (every time in the session's zone), schedule/edit/cancel, proctor assignment, PIN release, and links
// to each session's roster, monitor and results.
import { useState } from 'react';
import { formatInZone } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { adminApi } from '../api/admin.ts';
import { releasePins } from '../api/admin-io.ts';
import { consoleApi, type ExamSummary } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { StaffAuth } from '../lib/auth.ts';
import { navigate, paths } from '../lib/router.ts';
import { DataTable } from './DataTable.tsx';
import { keepPins } from './issuedPins.ts';
import { ProctorsDialog } from './ProctorsDialog.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { SessionForm } from './SessionForm.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useDialogAction } from './useDialogAction.ts';
import { useStaff, useStaffQuery } from './useStaff.ts';

export function SessionsPage() {
  const { staff, handleAuthError, logout } = useStaff();
  return staff ? <Sessions staff={staff} onAuthError={handleAuthError} onLogout={logout} /> : null;
}

interface Props {
  staff: StaffAuth;
  onAuthError(err: unknown): boolean;
  onLogout(): void;
}

type Open = { kind: 'form'; session: SessionView | null } | { kind: 'proctors'; session: SessionView } | null;
const NO_EXAMS: ExamSummary[] = [];

function Sessions({ staff, onAuthError, onLogout }: Props) {
  const { t } = useI18n();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const cancelling = useDialogAction<SessionView>(onAuthError);
  const admin = staff.role === 'admin';
  const examList = useStaffQuery(
    staff.token,
    onAuthError,
    (token) => (admin ? consoleApi.exams(token) : null),
    [admin],
  );
  const exams = examList.data?.exams ?? NO_EXAMS;
  const {
    data,
    error,
    fail,
    reload: load,
  } = useStaffQuery(staff.token, onAuthError, (token) => adminApi.sessions(token), []);
  const sessions = data?.sessions ?? null;
  const serverNow = data?.serverTime ?? 0;
  const { notice, setNotice } = cancelling;

  async function release(s: SessionView) {
    if (!window.confirm(t('admin.sessions.releaseConfirm', { title: s.title }))) return;
    setBusyId(s.id);
    try {
      const { pins } = await releasePins(staff.token, s.id);
      keepPins(s.id, pins);
      navigate(paths.adminPins(s.id));
    } catch (err) {
      fail(err);
    } finally {
      setBusyId(null);
    }
  }

  const cancel = (reason: string) =>
    cancelling.run(async (s) => {
      await consoleApi.cancelSession(staff.token, s.id, reason);
      return t('admin.sessions.cancelDone', { title: s.title });
    }, load);

  const close = () => setOpen(null);

  /** A session's links and buttons: what the role may do, and changes only while it is not cancelled. */
  const actions = (s: SessionView) => {
    const cancelled = s.cancelledAt !== undefined;
    const editable = admin && !cancelled && serverNow < s.opensAt;
    return (
      <div className="actions">
        <a className="btn btn-small" href={paths.adminAttempts(s.id)}>
          {t('admin.sessions.open')}
        </a>
        {admin && (
          <>
            <a className="btn btn-small" href={paths.adminRoster(s.id)}>
              {t('admin.sessions.roster')}
            </a>
            <a className="btn btn-small" href={paths.adminResults(s.id)}>
              {t('admin.sessions.results')}
            </a>
          </>
        )}
        {admin && !cancelled && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busyId === s.id || (cancelling.busy && cancelling.target?.id === s.id)}
            onClick={() => release(s)}
          >
            {t('admin.sessions.release')}
          </button>
        )}
        {editable && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setOpen({ kind: 'form', session: s })}
          >
            {t('admin.sessions.edit')}
          </button>
        )}
        {admin && !cancelled && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setOpen({ kind: 'proctors', session: s })}
          >
            {t('admin.sessions.proctors')}
          </button>
        )}
        {admin && !cancelled && (
          <button type="button" className="btn btn-small btn-danger" onClick={() => cancelling.open(s)}>
            {t('admin.sessions.cancel')}
          </button>
        )}
      </div>
    );
  };

  return (
    <StaffLayout staff={staff} onLogout={onLogout}>
      <div className="page-head">
        <PageTitle>{t('admin.sessions.title')}</PageTitle>
        <div className="actions">
          {admin && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setOpen({ kind: 'form', session: null })}
            >
              {t('admin.schedule.open')}
            </button>
          )}
          <button type="button" className="btn" onClick={load}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error ?? examList.error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <DataTable
        caption={t('admin.sessions.title')}
        testId="sessions"
        rows={sessions}
        failed={error !== null}
        empty={t('admin.sessions.empty')}
        rowKey={(s) => s.id}
        rowAttrs={(s) => ({ 'data-session': s.id })}
        columns={[
          {
            header: t('admin.sessions.col.title'),
            cell: (s) => (
              <>
                <a href={paths.adminAttempts(s.id)}>{s.title}</a>
                <div className="small muted mono">
                  {s.id} · {s.examId}
                  {s.examVersion !== undefined && ` v${s.examVersion}`}
                </div>
              </>
            ),
          },
          {
            header: t('admin.sessions.col.site'),
            cell: (s) => (
              <>
                {s.site}
                {s.room && <div className="small muted">{s.room}</div>}
                {s.proctors && s.proctors.length > 0 && (
                  <div className="small muted">
                    {t('admin.sessions.proctorsList', { names: s.proctors.join(', ') })}
                  </div>
                )}
              </>
            ),
          },
          {
            header: t('admin.sessions.col.window'),
            cell: (s) => (
              <>
                {formatInZone(s.opensAt, s.timeZone ?? 'WIB')} –{' '}
                {formatInZone(s.closesAt, s.timeZone ?? 'WIB')}
                {s.cancelledAt !== undefined && (
                  <div>
                    <span className="pill pill-expired">{t('admin.sessions.cancelled')}</span>{' '}
                    {s.cancelReason}
                  </div>
                )}
              </>
            ),
          },
          { header: t('admin.sessions.col.capacity'), num: true, cell: (s) => s.capacity },
          {
            header: t('admin.sessions.col.pins'),
            cell: (s) => (
              <span className={s.pinsReleased ? 'pill pill-ok' : 'pill'}>
                {t(s.pinsReleased ? 'admin.sessions.pinsReleased' : 'admin.sessions.pinsHeld')}
              </span>
            ),
          },
          { header: t('admin.sessions.col.actions'), cell: (s) => actions(s) },
        ]}
      />
      {admin && (
        <>
          <SessionForm
            token={staff.token}
            open={open?.kind === 'form'}
            editing={open?.kind === 'form' ? open.session : null}
            exams={exams}
            onAuthError={onAuthError}
            onClose={close}
            onDone={(s) => {
              setOpen(null);
              setNotice(t('admin.schedule.done', { title: s.title }));
              load();
            }}
          />
          <ReasonDialog
            open={cancelling.target !== null}
            title={
              cancelling.target ? t('admin.sessions.cancelTitle', { title: cancelling.target.title }) : ''
            }
            confirm={t('admin.sessions.cancelConfirm')}
            danger
            busy={busyId !== null || cancelling.busy}
            error={cancelling.error}
            onConfirm={(reason) => void cancel(reason)}
            onClose={cancelling.close}
          />
          <ProctorsDialog
            token={staff.token}
            session={open?.kind === 'proctors' ? open.session : null}
            onAuthError={onAuthError}
            onClose={close}
            onDone={() => {
              setOpen(null);
              load();
            }}
          />
        </>
      )}
    </StaffLayout>
  );
}
