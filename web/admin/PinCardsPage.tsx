// Printable PIN cards of one session (A4, ten cards a page): the PINs released or regenerated in this tab.
import { formatInZone } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { adminApi } from '../api/admin.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { pinsOf } from './issuedPins.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

export function PinCardsPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const pins = pinsOf(sessionId);
  const { data: session, error } = useStaffQuery(
    staff?.token ?? '',
    handleAuthError,
    (token): Promise<SessionView | null> =>
      adminApi.sessions(token).then((r) => r.sessions.find((s) => s.id === sessionId) ?? null),
    [sessionId],
  );

  if (!staff) return null;
  const title = session?.title ?? sessionId;
  const when = session ? formatInZone(session.opensAt, session.timeZone ?? 'WIB') : '';
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head no-print">
        <PageTitle>{t('admin.pins.title', { title })}</PageTitle>
        <div className="actions">
          <a
            className="btn"
            href={staff.role === 'admin' ? paths.adminRoster(sessionId) : paths.adminSessions}
          >
            {t('common.back')}
          </a>
          {pins.length > 0 && (
            <button type="button" className="btn btn-primary" onClick={() => window.print()}>
              {t('admin.pins.print')}
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={error} />
      <p className="muted no-print">{pins.length > 0 ? t('admin.pins.once') : t('admin.pins.none')}</p>
      <ul className="pin-cards" data-testid="pin-cards">
        {pins.map((p) => (
          <li key={p.regNo} className="pin-card">
            <p className="pin-card-name">{p.name}</p>
            <dl>
              <dt>{t('admin.pins.card.regNo')}</dt>
              <dd className="mono">{p.regNo}</dd>
              <dt>{t('admin.pins.card.session')}</dt>
              <dd>
                {title}
                {when && <span className="small"> · {when}</span>}
              </dd>
              <dt>{t('admin.pins.card.room')}</dt>
              <dd>{p.room}</dd>
              <dt>{t('admin.pins.card.pin')}</dt>
              <dd className="pin-card-pin mono">{p.pin}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}
