// Sweep use case: finalizes attempts past deadline (+ grace) and settles fresh results against saves that landed late. Idempotent.

import type { AttemptMeta } from '../domain/attempt.ts';
import type { Deps } from './deps.ts';
import type { Finalizer } from './finalize.ts';

/** What a sweep needs: the store and clock, and the finalizer (its caches stay coherent with the API's). */
export interface SweepContext {
  deps: Deps;
  finalizer: Finalizer;
}

export interface SweepReport {
  checked: number;
  finalized: number;
  /** Results re-derived because a save acknowledged before the submit reached the log after it was scored. */
  settled: number;
}

/**
 * A save accepted just before a submit can reach the store after the finisher read the log (another Lambda,
 * another tab). Results submitted between SETTLE_AFTER_MS and SETTLE_UNTIL_MS ago are derived again from the
 * log (replay is the arbiter) and replaced when the receipt differs. The window spans two sweeps.
 */
export const SETTLE_AFTER_MS = 20_000;
export const SETTLE_UNTIL_MS = 150_000;

const settle = async (svc: SweepContext, meta: AttemptMeta): Promise<boolean> => {
  const stored = await svc.deps.store.attempts.getResult(meta.attemptId);
  if (!stored) return false; // not finished writing: the next read of the result recovers it
  const derived = await svc.finalizer.score(meta);
  if (derived.logHash === stored.logHash) return false;
  await svc.deps.store.attempts.putResult(derived);
  console.log(
    JSON.stringify({
      level: 'warn',
      msg: 'result settled',
      attemptId: meta.attemptId,
      from: { total: stored.total, receipt: stored.logHash },
      to: { total: derived.total, receipt: derived.logHash },
    }),
  );
  return true;
};

export const sweepSession = async (svc: SweepContext, sessionId: string): Promise<SweepReport> => {
  const now = svc.deps.clock();
  const metas = await svc.deps.store.attempts.listBySession(sessionId);
  let finalized = 0;
  let settled = 0;
  for (const meta of metas) {
    if (meta.state === 'running' || meta.state === 'paused') {
      const after = await svc.finalizer.finalizeIfDue(meta, now);
      if (after.state !== meta.state) finalized++;
    } else if (meta.submittedAt !== undefined) {
      const age = now - meta.submittedAt;
      if (age >= SETTLE_AFTER_MS && age <= SETTLE_UNTIL_MS && (await settle(svc, meta))) settled++;
    }
  }
  return { checked: metas.length, finalized, settled };
};

/** Sweeps every session whose window overlaps now (the scheduled job on AWS, a timer locally). */
export const sweepOpenSessions = async (
  svc: SweepContext,
  graceWindowMs = 24 * 3600_000,
): Promise<SweepReport> => {
  const now = svc.deps.clock();
  const sessions = await svc.deps.store.sessions.list();
  const total: SweepReport = { checked: 0, finalized: 0, settled: 0 };
  for (const s of sessions) {
    if (s.opensAt > now || s.closesAt + graceWindowMs < now) continue;
    const r = await sweepSession(svc, s.id);
    total.checked += r.checked;
    total.finalized += r.finalized;
    total.settled += r.settled;
  }
  return total;
};
