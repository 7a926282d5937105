// One session's roster: who is on it (and whether they have a PIN), add candidates by hand (overlaps and
// overbooking refused row by row), and a new PIN for one candidate (shown on the PIN cards page once).
import { type FormEvent, useState } from 'react';
import { formatInZone } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { consoleApi, type RosterRow } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { navigate, paths } from '../lib/router.ts';
import { DataTable } from './DataTable.tsx';
import { keepPins } from './issuedPins.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { RefusalAlert } from './Refusals.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useDialogAction } from './useDialogAction.ts';
import { useStaff, useStaffQuery } from './useStaff.ts';

export function RosterPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [regNos, setRegNos] = useState('');
  const [assignError, setAssignError] = useState<unknown>(null);
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const renew = useDialogAction<RosterRow>(handleAuthError);
  const token = staff?.token ?? '';
  const { data, error, reload } = useStaffQuery(
    token,
    handleAuthError,
    (tok) => consoleApi.roster(tok, sessionId),
    [sessionId],
  );
  const session: SessionView | null = data?.session ?? null;
  const roster: RosterRow[] | null = data?.roster ?? null;
  // one request at a time on this page: an assignment or a new PIN
  const busy = assigning || renew.busy;

  async function assign(e: FormEvent) {
    e.preventDefault();
    const list = [...new Set(regNos.split(/[\s,;]+/).filter(Boolean))];
    if (list.length === 0) return;
    setAssigning(true);
    setAssignError(null);
    setNotice(null);
    try {
      const r = await consoleApi.assign(token, sessionId, list);
      setNotice(t('admin.roster.assigned', { n: r.assigned }));
      setRegNos('');
      reload();
    } catch (err) {
      if (!handleAuthError(err)) setAssignError(err);
    } finally {
      setAssigning(false);
    }
  }

  const regenerate = (reason: string) =>
    renew.run(async (row) => {
      const { pin } = await consoleApi.regeneratePin(token, sessionId, row.regNo, reason);
      keepPins(sessionId, [pin]);
      navigate(paths.adminPins(sessionId));
      return undefined;
    });

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
      <DataTable
        caption={t('admin.roster.caption')}
        testId="roster"
        rows={roster}
        failed={error !== null}
        empty={t('admin.roster.empty')}
        rowKey={(r) => r.regNo}
        rowAttrs={(r) => ({ 'data-regno': r.regNo })}
        columns={[
          { header: t('admin.roster.col.regNo'), className: 'mono', cell: (r) => r.regNo },
          { header: t('admin.roster.col.name'), cell: (r) => r.name },
          {
            header: t('admin.roster.col.formation'),
            cell: (r) => (
              <>
                {r.formationId} <span className="small muted">({r.formationType})</span>
              </>
            ),
          },
          { header: t('admin.roster.col.extra'), num: true, cell: (r) => r.extraMinutes },
          {
            header: t('admin.roster.col.pin'),
            cell: (r) => (
              <span className={r.hasPin ? 'pill pill-ok' : 'pill'}>
                {t(r.hasPin ? 'admin.roster.hasPin' : 'admin.roster.noPin')}
              </span>
            ),
          },
          {
            header: t('admin.sessions.col.actions'),
            cell: (r) =>
              r.hasPin && (
                <button type="button" className="btn btn-small" onClick={() => renew.open(r)}>
                  {t('admin.roster.regenerate')}
                </button>
              ),
          },
        ]}
      />
      <ReasonDialog
        open={renew.target !== null}
        title={
          renew.target
            ? t('admin.roster.regenerateTitle', { regNo: renew.target.regNo, name: renew.target.name })
            : ''
        }
        confirm={t('admin.roster.regenerateConfirm')}
        busy={busy}
        error={renew.error}
        onConfirm={(reason) => void regenerate(reason)}
        onClose={renew.close}
      />
    </StaffLayout>
  );
}
