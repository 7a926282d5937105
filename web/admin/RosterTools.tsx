// Rosters in bulk: every candidate to the session their import row names, or the unassigned ones by capacity
// into the sessions ticked (in order); refusals (overbooking, overlaps) listed row by row.
import { type FormEvent, useState } from 'react';
import { formatInZone } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { adminApi } from '../api/admin.ts';
import { consoleApi } from '../api/console.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { RefusalAlert } from './Refusals.tsx';
import { useStaffQuery } from './useStaff.ts';

const NO_SESSIONS: SessionView[] = [];

export function RosterTools({
  token,
  onDone,
  onAuthError,
}: {
  token: string;
  onDone(): void;
  onAuthError(err: unknown): boolean;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error: loadError } = useStaffQuery(
    token,
    onAuthError,
    (tok): Promise<SessionView[]> =>
      adminApi.sessions(tok).then((r) => r.sessions.filter((s) => s.cancelledAt === undefined)),
    [],
  );
  const sessions = data ?? NO_SESSIONS;
  const action = useAction(onAuthError);

  const run = (fn: () => Promise<{ assigned: number; unassigned?: number }>) => {
    setNotice(null);
    return action.run(async () => {
      const r = await fn();
      setNotice(
        r.unassigned === undefined
          ? t('admin.roster.assigned', { n: r.assigned })
          : t('admin.roster.autoDone', { n: r.assigned, left: r.unassigned }),
      );
      onDone();
    });
  };
  const busy = action.busy;

  const auto = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length > 0) void run(() => consoleApi.autoAssign(token, chosen));
  };

  return (
    <section className="card" aria-labelledby="roster-tools">
      <h2 id="roster-tools">{t('admin.roster.toolsTitle')}</h2>
      <p className="small muted">{t('admin.roster.fromImportHelp')}</p>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => run(() => consoleApi.assignFromImport(token))}
      >
        {t('admin.roster.fromImport')}
      </button>
      <form className="form" onSubmit={auto}>
        <fieldset className="checklist">
          <legend>{t('admin.roster.autoLegend')}</legend>
          {sessions.length === 0 && <p className="muted">{t('admin.sessions.empty')}</p>}
          {sessions.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))
                }
              />
              <span>
                {s.title} <span className="mono small">({s.id})</span> ·{' '}
                {formatInZone(s.opensAt, s.timeZone ?? 'WIB')} ·{' '}
                {t('admin.roster.capacity', { n: s.capacity })}
              </span>
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy || chosen.length === 0}>
            {t('admin.roster.auto')}
          </button>
        </div>
      </form>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <RefusalAlert error={action.error ?? loadError} />
    </section>
  );
}
