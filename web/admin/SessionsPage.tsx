// Sessions list: title, site, window, capacity, PIN release state and the release-PINs action.
import { useCallback, useEffect, useState } from 'react';
import { formatInZone } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { adminApi } from '../api/admin.ts';
import { releasePins } from '../api/admin-io.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { StaffAuth } from '../lib/auth.ts';
import { navigate, paths } from '../lib/router.ts';
import { keepPins } from './issuedPins.ts';
import { StaffHeader } from './StaffHeader.tsx';
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

function Sessions({ staff, onAuthError, onLogout }: Props) {
  const { t } = useI18n();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(() => {
    adminApi
      .sessions(staff.token)
      .then((r) => {
        setSessions(r.sessions);
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

  return (
    <Layout header={<StaffHeader staff={staff} onLogout={onLogout} />} wide>
      <div className="page-head">
        <PageTitle>{t('admin.sessions.title')}</PageTitle>
        <div className="actions">
          {staff.role === 'admin' && (
            <a className="btn" href={paths.adminRegistry}>
              {t('admin.nav.registry')}
            </a>
          )}
          <button type="button" className="btn" onClick={load}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
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
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={paths.adminAttempts(s.id)}>{s.title}</a>
                    <div className="small muted mono">{s.id}</div>
                  </th>
                  <td>
                    {s.site}
                    {s.room && <div className="small muted">{s.room}</div>}
                  </td>
                  <td>
                    {formatInZone(s.opensAt, s.timeZone ?? 'WIB')} –{' '}
                    {formatInZone(s.closesAt, s.timeZone ?? 'WIB')}
                    {s.cancelledAt !== undefined && (
                      <div>
                        <span className="pill">{t('admin.sessions.cancelled')}</span> {s.cancelReason}
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
                      {staff.role === 'admin' && s.cancelledAt === undefined && (
                        <button
                          type="button"
                          className="btn btn-small btn-primary"
                          disabled={busyId === s.id}
                          onClick={() => release(s)}
                        >
                          {t('admin.sessions.release')}
                        </button>
                      )}
                      <a className="btn btn-small" href={paths.adminAttempts(s.id)}>
                        {t('admin.sessions.open')}
                      </a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
