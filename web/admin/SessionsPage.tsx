// Sessions: list (every time in the session's zone), schedule/edit/cancel, proctor assignment, PIN release, and links
// to each session's roster, monitor and results.
import { useCallback, useEffect, useState } from 'react';
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
import { keepPins } from './issuedPins.ts';
import { ProctorsDialog } from './ProctorsDialog.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { SessionForm } from './SessionForm.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff } from './useStaff.ts';

export function SessionsPage() {
  const { staff, handleAuthError, logout } = useStaff();
  return staff ? <Sessions staff={staff} onAuthError={handleAuthError} onLogout={logout} /> : null;
}

interface Props {
  staff: StaffAuth;
  onAuthError(err: unknown): boolean;
  onLogout(): void;
}

type Open =
  | { kind: 'form'; session: SessionView | null }
  | { kind: 'cancel'; session: SessionView }
  | { kind: 'proctors'; session: SessionView }
  | null;

function Sessions({ staff, onAuthError, onLogout }: Props) {
  const { t } = useI18n();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [serverNow, setServerNow] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const admin = staff.role === 'admin';
  const [exams, setExams] = useState<ExamSummary[]>([]);
  useEffect(() => {
    if (!admin) return;
    consoleApi
      .exams(staff.token)
      .then((r) => setExams(r.exams))
      .catch((err) => onAuthError(err) || setError(err));
  }, [admin, staff.token, onAuthError]);

  const load = useCallback(() => {
    adminApi
      .sessions(staff.token)
      .then((r) => {
        setSessions(r.sessions);
        setServerNow(r.serverTime);
        setError(null);
      })
      .catch((err) => onAuthError(err) || setError(err));
  }, [staff.token, onAuthError]);
  useEffect(load, [load]);

  async function release(s: SessionView) {
    if (!window.confirm(t('admin.sessions.releaseConfirm', { title: s.title }))) return;
    setBusyId(s.id);
    try {
      const { pins } = await releasePins(staff.token, s.id);
      keepPins(s.id, pins);
      navigate(paths.adminPins(s.id));
    } catch (err) {
      if (!onAuthError(err)) setError(err);
    } finally {
      setBusyId(null);
    }
  }

  async function cancel(s: SessionView, reason: string) {
    setBusyId(s.id);
    setDialogError(null);
    try {
      await consoleApi.cancelSession(staff.token, s.id, reason);
      setOpen(null);
      setNotice(t('admin.sessions.cancelDone', { title: s.title }));
      load();
    } catch (err) {
      if (!onAuthError(err)) setDialogError(err);
    } finally {
      setBusyId(null);
    }
  }

  const close = () => {
    setOpen(null);
    setDialogError(null);
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
      <ErrorAlert error={error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {sessions === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {sessions?.length === 0 && <p className="muted">{t('admin.sessions.empty')}</p>}
      {sessions && sessions.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="sessions">
            <thead>
              <tr>
                <th scope="col">{t('admin.sessions.col.title')}</th>
                <th scope="col">{t('admin.sessions.col.site')}</th>
                <th scope="col">{t('admin.sessions.col.window')}</th>
                <th scope="col" className="num">
                  {t('admin.sessions.col.capacity')}
                </th>
                <th scope="col">{t('admin.sessions.col.pins')}</th>
                <th scope="col">{t('admin.sessions.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const zone = s.timeZone ?? 'WIB';
                const cancelled = s.cancelledAt !== undefined;
                const editable = admin && !cancelled && serverNow < s.opensAt;
                return (
                  <tr key={s.id} data-session={s.id}>
                    <th scope="row">
                      <a href={paths.adminAttempts(s.id)}>{s.title}</a>
                      <div className="small muted mono">
                        {s.id} · {s.examId}
                        {s.examVersion !== undefined && ` v${s.examVersion}`}
                      </div>
                    </th>
                    <td>
                      {s.site}
                      {s.room && <div className="small muted">{s.room}</div>}
                      {s.proctors && s.proctors.length > 0 && (
                        <div className="small muted">
                          {t('admin.sessions.proctorsList', { names: s.proctors.join(', ') })}
                        </div>
                      )}
                    </td>
                    <td>
                      {formatInZone(s.opensAt, zone)} – {formatInZone(s.closesAt, zone)}
                      {cancelled && (
                        <div>
                          <span className="pill pill-expired">{t('admin.sessions.cancelled')}</span>{' '}
                          {s.cancelReason}
                        </div>
                      )}
                    </td>
                    <td className="num">{s.capacity}</td>
                    <td>
                      <span className={s.pinsReleased ? 'pill pill-ok' : 'pill'}>
                        {t(s.pinsReleased ? 'admin.sessions.pinsReleased' : 'admin.sessions.pinsHeld')}
                      </span>
                    </td>
                    <td>
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
                            disabled={busyId === s.id}
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
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            onClick={() => setOpen({ kind: 'cancel', session: s })}
                          >
                            {t('admin.sessions.cancel')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
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
            open={open?.kind === 'cancel'}
            title={
              open?.kind === 'cancel' ? t('admin.sessions.cancelTitle', { title: open.session.title }) : ''
            }
            confirm={t('admin.sessions.cancelConfirm')}
            danger
            busy={busyId !== null}
            error={dialogError}
            onConfirm={(reason) => open?.kind === 'cancel' && cancel(open.session, reason)}
            onClose={close}
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
