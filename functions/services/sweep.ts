// Sweep use case: finalizes attempts past deadline (+ grace) and settles fresh results against saves that landed late. Idempotent.

import type { AttemptMeta } from '../domain/attempt.ts';
import { FIRST_DEVICE_EPOCH, MAX_SESSION_SPAN_MS } from '../domain/lifecycle.ts';
import type { StoredResult } from '../store/types.ts';
import { mapLimit } from './concurrency.ts';
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
 * The result is final only once no save admitted by a stale attempt cache can still land (DESIGN hot path
 * rule 5): SETTLE_AFTER_MS must exceed the cache's maximum age (config attemptCacheMs, 3 s) plus a save's
 * write time; settledAfter checks it against the configured age.
 * A save accepted just before a submit can reach the store after the finisher read the log (another Lambda,
 * another tab). Results submitted between SETTLE_AFTER_MS and SETTLE_UNTIL_MS ago are derived again from the
 * log (replay is the arbiter) and replaced when the receipt differs. The window spans two sweeps.
 */
export const SETTLE_AFTER_MS = 20_000;
export const SETTLE_UNTIL_MS = 150_000;

/** Whether the settle window starts after the attempt cache's maximum age has passed (with room for the write). */
export const settlesAfterCacheAge = (attemptCacheMs: number): boolean =>
  SETTLE_AFTER_MS >= 2 * attemptCacheMs + 5_000;

const settle = async (
  svc: SweepContext,
  meta: AttemptMeta,
  stored: StoredResult | undefined,
): Promise<boolean> => {
  if (!stored) return false; // not finished writing: the next read of the result recovers it
  const tail = stored.logTail;
  // No gap at scoring time and one device all along: a straggler can only carry a higher seq of that epoch, so
  // one Limit-1 Query rules it out. After a handover an acknowledged save of the retired epoch (admitted by a
  // stale cache) counts too, so such attempts are always derived again.
  if (
    tail?.contiguous &&
    meta.deviceEpoch === FIRST_DEVICE_EPOCH &&
    tail.deviceEpoch === meta.deviceEpoch &&
    !(await svc.deps.store.attempts.hasClientStepAfter(meta.attemptId, tail.deviceEpoch, tail.lastSeq))
  )
    return false;
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

/** Attempts of one session worked on at once (each is a few store calls), and sessions swept at once. */
export const ATTEMPT_CONCURRENCY = 16;
export const SESSION_CONCURRENCY = 4;

/** How long after closing a session is still swept (attempts started just before closing run past it). */
export const SWEEP_AFTER_CLOSE_MS = 24 * 3600_000;

export const sweepSession = async (svc: SweepContext, sessionId: string): Promise<SweepReport> => {
  const now = svc.deps.clock();
  const metas = await svc.deps.store.attempts.listBySession(sessionId);
  const inSettleWindow = (meta: AttemptMeta): boolean => {
    if (meta.state === 'running' || meta.state === 'paused' || meta.submittedAt === undefined) return false;
    const age = now - meta.submittedAt;
    return age >= SETTLE_AFTER_MS && age <= SETTLE_UNTIL_MS;
  };
  // The results to settle against, 100 per request (at a large session's end that is most of its attempts).
  const results = await svc.deps.store.attempts.getResults(
    metas.filter(inSettleWindow).map((m) => m.attemptId),
  );
  const outcomes = await mapLimit(metas, ATTEMPT_CONCURRENCY, async (meta) => {
    if (meta.state === 'running' || meta.state === 'paused') {
      const after = await svc.finalizer.finalizeIfDue(meta, now);
      return after.state !== meta.state ? 'finalized' : 'none';
    }
    if (inSettleWindow(meta) && (await settle(svc, meta, results.get(meta.attemptId)))) return 'settled';
    return 'none';
  });
  return {
    checked: metas.length,
    finalized: outcomes.filter((o) => o === 'finalized').length,
    settled: outcomes.filter((o) => o === 'settled').length,
  };
};

/** Sweeps every session whose window touches now (the scheduled job on AWS, a timer locally), a few at once. */
export const sweepOpenSessions = async (
  svc: SweepContext,
  afterCloseMs = SWEEP_AFTER_CLOSE_MS,
): Promise<SweepReport> => {
  const now = svc.deps.clock();
  // The SESSIONS sort key carries opensAt, so this is one range Query over the sessions that opened within
  // MAX_SESSION_SPAN_MS + afterCloseMs of now, not every session ever created: at 3–5 sessions a day that is
  // ≈ 160 list entries (≈ 10 read units), filtered in memory to the ones whose window touches now.
  const candidates = await svc.deps.store.sessions.listOpeningBetween(
    now - MAX_SESSION_SPAN_MS - afterCloseMs,
    now,
  );
  const due = candidates.filter((s) => s.opensAt <= now && now <= s.closesAt + afterCloseMs);
  const reports = await mapLimit(due, SESSION_CONCURRENCY, (s) => sweepSession(svc, s.id));
  return reports.reduce(
    (t, r) => ({
      checked: t.checked + r.checked,
      finalized: t.finalized + r.finalized,
      settled: t.settled + r.settled,
    }),
    { checked: 0, finalized: 0, settled: 0 },
  );
};
