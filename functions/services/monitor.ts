// Admin/proctor session use cases: list sessions, the attempts monitor, PIN release, sweep on demand, proctor actions.
import type { Session } from '../domain/attempt.ts';
import type { Actor } from '../domain/steps.ts';
import type { AttemptSummary, SessionView } from '../schemas/staff.ts';
import type { AuditLog } from './audit-log.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import type { ProctorAction, ProctorService } from './proctor.ts';
import type { StaffRequest } from './request.ts';
import { canReachSession } from './scheduling.ts';
import type { SessionCache } from './session-cache.ts';
import { attemptSummary, sessionView } from './staff-views.ts';
import { type SweepReport, sweepSession } from './sweep.ts';

/** Who looks: a proctor sees and acts on the sessions assigned to them only (canReachSession). */
export type Viewer = { role: 'admin' | 'proctor' | 'auditor'; id: string };

export interface MonitorService {
  sessions(viewer: Viewer): Promise<SessionView[]>;
  attempts(sessionId: string, viewer: Viewer): Promise<AttemptSummary[]>;
  sweep(sessionId: string): Promise<SweepReport>;
  /** Audited: the intent (actor, action, attempt, reason) is logged before the action runs. */
  act(req: StaffRequest, attemptId: string, action: ProctorAction): Promise<AttemptSummary>;
}

export const createMonitorService = (
  deps: Deps,
  _sessionCache: SessionCache,
  finalizer: Finalizer,
  proctor: ProctorService,
  audit: AuditLog,
): MonitorService => {
  const { store } = deps;
  const session = async (sessionId: string): Promise<Session> => {
    const s = await store.sessions.get(sessionId);
    if (!s) throw userError('NOT_FOUND.session');
    return s;
  };
  const reachable = (s: Session, viewer: Viewer): Session => {
    if (!canReachSession(viewer, s)) throw userError('FORBIDDEN.notAssigned');
    return s;
  };
  return {
    async sessions(viewer) {
      return (await store.sessions.list()).filter((s) => canReachSession(viewer, s)).map(sessionView);
    },
    async attempts(sessionId, viewer) {
      const s = reachable(await session(sessionId), viewer);
      const metas = await store.attempts.listBySession(s.id);
      const results = await Promise.all(
        metas.map((m) =>
          m.state === 'submitted' || m.state === 'expired'
            ? store.attempts.getResult(m.attemptId)
            : undefined,
        ),
      );
      return metas.map((m, i) => attemptSummary(m, results[i]?.total ?? null));
    },
    async sweep(sessionId) {
      const s = await session(sessionId);
      return sweepSession({ deps, finalizer }, s.id);
    },
    async act(req, attemptId, action) {
      const meta = await store.attempts.get(attemptId);
      if (!meta) throw userError('NOT_FOUND.attempt');
      reachable(await session(meta.sessionId), req.actor as Viewer);
      const actor: Actor = { role: req.actor.role === 'admin' ? 'admin' : 'proctor', id: req.actor.id };
      const done = await audit.run(
        {
          ...req,
          action: `attempt.${action.kind}`,
          target: `attempt:${attemptId}`,
          reason: action.reason,
          details: action.kind === 'extend' ? { minutes: action.minutes } : undefined,
        },
        // An extension remembers the request's operation id: a retry with the same Idempotency-Key adds no time.
        () =>
          proctor.act(attemptId, actor, action.kind === 'extend' ? { ...action, opId: req.opId } : action),
      );
      return attemptSummary(done, null);
    },
  };
};
