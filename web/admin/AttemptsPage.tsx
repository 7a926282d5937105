// Attempts monitor of one session: state, remaining time, device epoch, total; proctor actions; refresh.
import { useCallback, useEffect, useState } from 'react';
import type { AttemptSummary, SessionView } from '../../functions/schemas/staff.ts';
import { adminApi, type ProctorAction } from '../api/admin.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { StaffAuth } from '../lib/auth.ts';
import { remainingUntil } from '../lib/clock.ts';
import { paths } from '../lib/router.ts';
import { formatDuration } from '../lib/timing.ts';
import { useAction } from '../lib/useAction.ts';
import { formatTime } from './format.ts';
import { ACTION_LABEL, ProctorDialog } from './ProctorDialog.tsx';
import { StaffHeader } from './StaffHeader.tsx';
import { useStaff } from './useStaff.ts';

const AUTO_REFRESH_MS = 10_000;

export function AttemptsPage({ sessionId }: { sessionId: string }) {
  const { staff, handleAuthError, logout } = useStaff();
  return staff ? (
    <Attempts staff={staff} sessionId={sessionId} onAuthError={handleAuthError} onLogout={logout} />
  ) : null;
}

interface Props {
  staff: StaffAuth;
  sessionId: string;
  onAuthError(err: unknown): boolean;
  onLogout(): void;
}

/** Which proctor actions make sense in which state. */
function actionsFor(state: AttemptSummary['state']): ProctorAction[] {
  switch (state) {
    case 'running':
      return ['pause', 'extend', 'reset-device', 'submit'];
    case 'paused':
      return ['resume', 'extend', 'submit'];
    case 'ready':
      return ['reset-device'];
    default:
      return [];
  }
}

function Attempts({ staff, sessionId, onAuthError, onLogout }: Props) {
  const { t, lang } = useI18n();
  const [session, setSession] = useState<SessionView | null>(null);
  const [attempts, setAttempts] = useState<AttemptSummary[] | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [target, setTarget] = useState<{ attempt: AttemptSummary; action: ProctorAction } | null>(null);
  const { busy, error: actionError, setError: setActionError, run } = useAction(onAuthError);
  const [, setTick] = useState(0);

  const load = useCallback(() => {
    adminApi
      .attempts(staff.token, sessionId)
      .then((r) => {
        setAttempts(r.attempts);
        setUpdatedAt(r.serverTime);
        setError(null);
      })
      .catch((err) => onAuthError(err) || setError(err));
  }, [staff.token, sessionId, onAuthError]);

  useEffect(() => {
    adminApi
      .sessions(staff.token)
      .then((r) => setSession(r.sessions.find((s) => s.id === sessionId) ?? null))
      .catch((err) => onAuthError(err));
  }, [staff.token, sessionId, onAuthError]);

  useEffect(() => {
    load();
    const refresh = setInterval(load, AUTO_REFRESH_MS);
    const tick = setInterval(() => setTick((n) => n + 1), 1_000);
    return () => {
      clearInterval(refresh);
      clearInterval(tick);
    };
  }, [load]);

  async function confirm(reason: string, minutes: number | undefined) {
    if (!target) return;
    await run(async () => {
      await adminApi.proctor(staff.token, target.attempt.attemptId, target.action, reason, minutes);
      setNotice(
        t('admin.action.done', { action: t(ACTION_LABEL[target.action]), regNo: target.attempt.regNo }),
      );
      setTarget(null);
      load();
    });
  }

  const remaining = (a: AttemptSummary) =>
    a.state === 'running' ? formatDuration(remainingUntil(a.deadline)) : '—';

  return (
    <Layout header={<StaffHeader staff={staff} onLogout={onLogout} />} wide>
      <p className="small">
        <a href={paths.adminSessions}>← {t('admin.sessions.title')}</a>
      </p>
      <div className="page-head">
        <PageTitle>{t('admin.attempts.title', { title: session?.title ?? sessionId })}</PageTitle>
        <div className="page-head-actions">
          {updatedAt !== null && (
            <span className="small muted">
              {t('admin.attempts.updated', { time: formatTime(updatedAt, lang) })}
            </span>
          )}
          <button type="button" className="btn" onClick={load}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {notice && (
        <output className="alert alert-ok" aria-live="polite">
          {notice}
        </output>
      )}
      {attempts === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {attempts?.length === 0 && <p className="muted">{t('admin.attempts.empty')}</p>}
      {attempts && attempts.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="attempts">
            <thead>
              <tr>
                <th scope="col">{t('admin.attempts.col.regNo')}</th>
                <th scope="col">{t('admin.attempts.col.state')}</th>
                <th scope="col" className="num">
                  {t('admin.attempts.col.remaining')}
                </th>
                <th scope="col" className="num">
                  {t('admin.attempts.col.epoch')}
                </th>
                <th scope="col" className="num">
                  {t('admin.attempts.col.total')}
                </th>
                <th scope="col">{t('admin.attempts.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.attemptId} data-regno={a.regNo}>
                  <th scope="row" className="mono">
                    {a.regNo}
                  </th>
                  <td>
                    <span className={`pill pill-${a.state}`}>{t(`state.${a.state}`)}</span>
                  </td>
                  <td className="num mono">{remaining(a)}</td>
                  <td className="num">
                    {a.deviceEpoch}
                    {a.deviceEpoch > 1 ? (
                      <span className="pill" title={t('admin.device.changed')}>
                        {t('admin.device.changes', { n: a.deviceEpoch - 1 })}
                      </span>
                    ) : null}
                    {a.handoverOpen ? (
                      <span className="pill pill-paused">{t('admin.device.waiting')}</span>
                    ) : null}
                  </td>
                  <td className="num" data-testid="attempt-total">
                    {a.total ?? '—'}
                  </td>
                  <td>
                    <div className="actions">
                      {actionsFor(a.state).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className={
                            action === 'submit' ? 'btn btn-small btn-danger-outline' : 'btn btn-small'
                          }
                          onClick={() => {
                            setActionError(null);
                            setTarget({ attempt: a, action });
                          }}
                        >
                          {t(ACTION_LABEL[action])}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProctorDialog
        key={target ? `${target.attempt.attemptId}:${target.action}` : 'closed'}
        target={target}
        busy={busy}
        error={actionError}
        onConfirm={confirm}
        onClose={() => setTarget(null)}
      />
    </Layout>
  );
}
