// Admin/proctor session use cases: list sessions, the attempts monitor, PIN release, sweep on demand, proctor actions.
import type { Session } from '../domain/attempt.ts';
import type { Actor } from '../domain/steps.ts';
import type { AttemptSummary, SessionView } from '../schemas/staff.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import type { ProctorAction, ProctorService } from './proctor.ts';
import type { SessionCache } from './session-cache.ts';
import { attemptSummary, sessionView } from './staff-views.ts';
import { type SweepReport, sweepSession } from './sweep.ts';

export interface MonitorService {
  sessions(): Promise<SessionView[]>;
  attempts(sessionId: string): Promise<AttemptSummary[]>;
  releasePins(sessionId: string): Promise<SessionView>;
  sweep(sessionId: string): Promise<SweepReport>;
  act(attemptId: string, actor: Actor, action: ProctorAction): Promise<AttemptSummary>;
}

export const createMonitorService = (
  deps: Deps,
  sessionCache: SessionCache,
  finalizer: Finalizer,
  proctor: ProctorService,
): MonitorService => {
  const { store } = deps;
  const session = async (sessionId: string): Promise<Session> => {
    const s = await store.sessions.get(sessionId);
    if (!s) throw userError('NOT_FOUND.session');
    return s;
  };
  return {
    async sessions() {
      return (await store.sessions.list()).map(sessionView);
    },
    async attempts(sessionId) {
      const s = await session(sessionId);
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
    async releasePins(sessionId) {
      const s = await session(sessionId);
      await store.sessions.setPinsReleased(s.id, true);
      sessionCache.drop(s.id);
      return sessionView({ ...s, pinsReleased: true });
    },
    async sweep(sessionId) {
      const s = await session(sessionId);
      return sweepSession({ deps, finalizer }, s.id);
    },
    async act(attemptId, actor, action) {
      return attemptSummary(await proctor.act(attemptId, actor, action), null);
    },
  };
};
