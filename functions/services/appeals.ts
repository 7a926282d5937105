// Appeals (sanggahan): a candidate files one per finished attempt within the window; an admin answers it with a
// reason. Both are written to the admin audit log (intent first, idempotent by the attempt's id).
import {
  type Appeal,
  type AppealDecision,
  appealWindow,
  BKN_APPEAL_POLICY,
  canFileAppeal,
  fileAppeal,
  resolveAppeal,
} from '../domain/appeal.ts';
import { isDomainError } from '../domain/errors.ts';
import type { AuditLog } from './audit-log.ts';
import type { CandidateClaims } from './auth/tokens.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import type { StaffRequest } from './request.ts';

export interface CandidateAppealView {
  appeal: Appeal | null;
  fileUntil: number;
  answerBy: number;
  canFile: boolean;
  serverTime: number;
}

export const createAppealService = (deps: Deps, audit: AuditLog, finalizer: Finalizer) => {
  const { store } = deps;
  const policy = () => deps.config.appeals ?? BKN_APPEAL_POLICY;

  /** The attempt's state, finalized first when its time ran out (the META may still say running). */
  const stateOf = async (attemptId: string, now: number) => {
    const meta = await store.attempts.get(attemptId, true);
    return meta ? (await finalizer.finalizeIfDue(meta, now)).state : 'absent';
  };

  const sessionOf = async (sessionId: string) => {
    const s = await store.sessions.get(sessionId);
    if (!s) throw userError('NOT_FOUND.session');
    return s;
  };

  return {
    /** The candidate's own appeal (or null) and the window. */
    async mine(claims: CandidateClaims): Promise<CandidateAppealView> {
      const now = deps.clock();
      const [session, state, appeal] = await Promise.all([
        sessionOf(claims.sid),
        stateOf(claims.aid, now),
        store.appeals.get(claims.aid),
      ]);
      const w = appealWindow(session.closesAt, policy());
      return {
        appeal: appeal ?? null,
        ...w,
        canFile: !appeal && canFileAppeal(state, now, w),
        serverTime: now,
      };
    },

    /** Files the appeal: audit intent first (op id = the attempt's appeal), then the conditional put. */
    async file(claims: CandidateClaims, text: string): Promise<Appeal> {
      const now = deps.clock();
      const [session, state, existing] = await Promise.all([
        sessionOf(claims.sid),
        stateOf(claims.aid, now),
        store.appeals.get(claims.aid),
      ]);
      if (existing) throw userError('CONFLICT.appealExists');
      const appeal = fileAppeal({
        attemptId: claims.aid,
        sessionId: session.id,
        regNo: claims.sub,
        state,
        closesAt: session.closesAt,
        text,
        now,
        policy: policy(),
      });
      return audit.run(
        {
          opId: `appeal-file-${claims.aid}`,
          actor: { role: 'candidate', id: claims.sub },
          action: 'appeal.file',
          target: `attempt:${claims.aid}`,
          reason: text,
          details: { sessionId: session.id, fileUntil: appeal.fileUntil, answerBy: appeal.answerBy },
        },
        async () => {
          try {
            await store.appeals.create(appeal);
            return appeal;
          } catch (e) {
            // A retry after a crash finds its own appeal written: done.
            const again = await store.appeals.get(claims.aid);
            if (again && again.filedAt === appeal.filedAt) return again;
            throw isDomainError(e) && e.code === 'CONFLICT' ? userError('CONFLICT.appealExists') : e;
          }
        },
      );
    },

    /** Every appeal, newest first (admins and auditors). */
    async list(): Promise<Appeal[]> {
      return (await store.appeals.list()).sort((a, b) => b.filedAt - a.filedAt);
    },

    /** An admin answers an open appeal once, with a reason (audited first). */
    async resolve(
      req: StaffRequest,
      attemptId: string,
      decision: AppealDecision,
      reason: string,
    ): Promise<Appeal> {
      const appeal = await store.appeals.get(attemptId);
      if (!appeal) throw userError('NOT_FOUND.appeal');
      const next = resolveAppeal(appeal, decision, reason, req.actor.id, deps.clock());
      return audit.run(
        {
          opId: req.opId,
          actor: req.actor,
          action: `appeal.${decision === 'upheld' ? 'uphold' : 'reject'}`,
          target: `attempt:${attemptId}`,
          reason,
          details: { late: next.resolution?.late ?? false },
        },
        async () => {
          try {
            await store.appeals.resolve(next);
            return next;
          } catch (e) {
            throw isDomainError(e) && e.code === 'CONFLICT' ? userError('CONFLICT.appealAnswered') : e;
          }
        },
      );
    },
  };
};

export type AppealService = ReturnType<typeof createAppealService>;
