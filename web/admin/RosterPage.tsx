// One session's roster: who is on it (and whether they have a PIN), add candidates by hand (overlaps and
// overbooking refused row by row), and a new PIN for one candidate (shown on the PIN cards page once).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { formatInZone } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { consoleApi, type RosterRow } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { navigate, paths } from '../lib/router.ts';
import { keepPins } from './issuedPins.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { RefusalAlert } from './Refusals.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff } from './useStaff.ts';

export function RosterPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [session, setSession] = useState<SessionView | null>(null);
  const [roster, setRoster] = useState<RosterRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [regNos, setRegNos] = useState('');
  const [assignError, setAssignError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [renew, setRenew] = useState<RosterRow | null>(null);
  const [renewError, setRenewError] = useState<unknown>(null);
  const token = staff?.token ?? '';

  const load = useCallback(() => {
    if (!token) return;
    consoleApi
      .roster(token, sessionId)
      .then((r) => {
        setSession(r.session);
        setRoster(r.roster);
        setError(null);
      })
      .catch((err) => handleAuthError(err) || setError(err));
  }, [token, sessionId, handleAuthError]);
  useEffect(load, [load]);

  async function assign(e: FormEvent) {
    e.preventDefault();
    const list = [...new Set(regNos.split(/[\s,;]+/).filter(Boolean))];
    if (list.length === 0) return;
    setBusy(true);
    setAssignError(null);
    setNotice(null);
    try {
      const r = await consoleApi.assign(token, sessionId, list);
      setNotice(t('admin.roster.assigned', { n: r.assigned }));
      setRegNos('');
      load();
    } catch (err) {
      if (!handleAuthError(err)) setAssignError(err);
    } finally {
      setBusy(false);
    }
  }

  async function regenerate(row: RosterRow, reason: string) {
    setBusy(true);
    setRenewError(null);
    try {
      const { pin } = await consoleApi.regeneratePin(token, sessionId, row.regNo, reason);
      keepPins(sessionId, [pin]);
      setRenew(null);
      navigate(paths.adminPins(sessionId));
    } catch (err) {
      if (!handleAuthError(err)) setRenewError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!staff) return null;
  const zone = session?.timeZone ?? 'WIB';
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.roster.title', { title: session?.title ?? sessionId })}</PageTitle>
        <div className="actions">
          <a className="btn" href={paths.adminPins(sessionId)}>
            {t('admin.roster.cards')}
          </a>
          <a className="btn" href={paths.adminSessions}>
            {t('common.back')}
          </a>
        </div>
      </div>
      {session && (
        <p className="muted">
          {session.site} · {session.room ?? ''} · {formatInZone(session.opensAt, zone)} –{' '}
          {formatInZone(session.closesAt, zone)} ·{' '}
          {t('admin.roster.fill', { n: roster?.length ?? 0, capacity: session.capacity })}
        </p>
      )}
      <ErrorAlert error={error} />
      <section className="card" aria-labelledby="assign-title">
        <h2 id="assign-title">{t('admin.roster.assignTitle')}</h2>
        <form className="form" onSubmit={assign}>
          <label className="field">
            <span>{t('admin.roster.regNos')}</span>
            <textarea
              rows={3}
              value={regNos}
              onChange={(e) => setRegNos(e.target.value)}
              aria-describedby="assign-help"
            />
          </label>
          <p id="assign-help" className="small muted">
            {t('admin.roster.regNosHelp')}
          </p>
          <div>
            <button type="submit" className="btn btn-primary" disabled={busy || regNos.trim() === ''}>
              {t('admin.roster.assign')}
            </button>
          </div>
        </form>
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <RefusalAlert error={assignError} />
      </section>
      {roster?.length === 0 && <p className="muted">{t('admin.roster.empty')}</p>}
      {roster && roster.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="roster">
            <caption className="sr-only">{t('admin.roster.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.roster.col.regNo')}</th>
                <th scope="col">{t('admin.roster.col.name')}</th>
                <th scope="col">{t('admin.roster.col.formation')}</th>
                <th scope="col" className="num">
                  {t('admin.roster.col.extra')}
                </th>
                <th scope="col">{t('admin.roster.col.pin')}</th>
                <th scope="col">{t('admin.sessions.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((r) => (
                <tr key={r.regNo} data-regno={r.regNo}>
                  <th scope="row" className="mono">
                    {r.regNo}
                  </th>
                  <td>{r.name}</td>
                  <td>
                    {r.formationId} <span className="small muted">({r.formationType})</span>
                  </td>
                  <td className="num">{r.extraMinutes}</td>
                  <td>
                    <span className={r.hasPin ? 'pill pill-ok' : 'pill'}>
                      {t(r.hasPin ? 'admin.roster.hasPin' : 'admin.roster.noPin')}
                    </span>
                  </td>
                  <td>
                    {r.hasPin && (
                      <button type="button" className="btn btn-small" onClick={() => setRenew(r)}>
                        {t('admin.roster.regenerate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReasonDialog
        open={renew !== null}
        title={renew ? t('admin.roster.regenerateTitle', { regNo: renew.regNo, name: renew.name }) : ''}
        confirm={t('admin.roster.regenerateConfirm')}
        busy={busy}
        error={renewError}
        onConfirm={(reason) => renew && regenerate(renew, reason)}
        onClose={() => {
          setRenew(null);
          setRenewError(null);
        }}
      />
    </StaffLayout>
  );
}
