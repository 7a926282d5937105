// Bulk proctor actions on a whole room (pause / resume / extend with one reason): one audit entry naming every
// attempt it applies to, written first; then each attempt's own step (actor + reason) with bounded concurrency.
import type { AttemptMeta } from '../domain/attempt.ts';
import type { Actor } from '../domain/steps.ts';
import type { AuditLog } from './audit-log.ts';
import { mapLimit } from './concurrency.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { ProctorService } from './proctor.ts';
import type { StaffRequest } from './request.ts';
import { canReachSession } from './scheduling.ts';

export type RoomAction =
  | { kind: 'pause'; reason: string }
  | { kind: 'resume'; reason: string }
  | { kind: 'extend'; reason: string; minutes: number };

export interface RoomActionReport {
  /** Attempts the action was applied to. */
  applied: string[];
  /** Attempts it was meant for that refused it (e.g. submitted meanwhile), with the error code. */
  failed: { attemptId: string; code: string }[];
}

/** Store calls in flight at once (each attempt: a read, a conditional META put, a step put). */
const CONCURRENCY = 16;

const eligible = (kind: RoomAction['kind'], m: AttemptMeta): boolean =>
  kind === 'pause'
    ? m.state === 'running'
    : kind === 'resume'
      ? m.state === 'paused'
      : m.state === 'running' || m.state === 'paused';

export const createRoomActions = (deps: Deps, proctor: ProctorService, audit: AuditLog) => ({
  async apply(
    req: StaffRequest,
    sessionId: string,
    action: RoomAction,
    only?: readonly string[],
  ): Promise<RoomActionReport> {
    const session = await deps.store.sessions.get(sessionId);
    if (!session) throw userError('NOT_FOUND.session');
    if (!canReachSession(req.actor as { role: 'admin' | 'proctor' | 'auditor'; id: string }, session))
      throw userError('FORBIDDEN.notAssigned');
    const wanted = only ? new Set(only) : undefined;
    const targets = (await deps.store.attempts.listBySession(session.id))
      .filter((m) => eligible(action.kind, m) && (!wanted || wanted.has(m.attemptId)))
      .map((m) => m.attemptId)
      .sort();
    const actor: Actor = { role: req.actor.role === 'admin' ? 'admin' : 'proctor', id: req.actor.id };
    return audit.run(
      {
        ...req,
        action: `room.${action.kind}`,
        target: `session:${session.id}`,
        reason: action.reason,
        details: {
          attempts: targets,
          ...(action.kind === 'extend' ? { minutes: action.minutes } : {}),
        },
      },
      async () => {
        const outcomes = await mapLimit(targets, CONCURRENCY, async (attemptId) => {
          try {
            // Retried with the same Idempotency-Key, an extension already applied to an attempt is not added again.
            await proctor.act(
              attemptId,
              actor,
              action.kind === 'extend' ? { ...action, opId: req.opId } : action,
            );
            return null;
          } catch (e) {
            return {
              attemptId,
              code: (e as { key?: string; code?: string }).key ?? (e as { code?: string }).code ?? 'INTERNAL',
            };
          }
        });
        const failed = outcomes.filter((o): o is { attemptId: string; code: string } => o !== null);
        const bad = new Set(failed.map((f) => f.attemptId));
        return { applied: targets.filter((t) => !bad.has(t)), failed };
      },
    );
  },
});

export type RoomActions = ReturnType<typeof createRoomActions>;
