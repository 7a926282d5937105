// Auto-submit sweeper: finalizes every attempt of a session whose deadline (+ grace) has passed. Idempotent.
import type { Services } from '../api/services/index.ts';

export interface SweepReport {
  checked: number;
  finalized: number;
}

export const sweepSession = async (svc: Services, sessionId: string): Promise<SweepReport> => {
  const now = svc.deps.clock();
  const metas = await svc.deps.store.attempts.listBySession(sessionId);
  let finalized = 0;
  for (const meta of metas) {
    if (meta.state !== 'running' && meta.state !== 'paused') continue;
    const after = await svc.finalizer.finalizeIfDue(meta, now);
    if (after.state !== meta.state) finalized++;
  }
  return { checked: metas.length, finalized };
};

/** Sweeps every session whose window overlaps now (scheduled Lambda on AWS, a timer locally). */
export const sweepOpenSessions = async (
  svc: Services,
  graceWindowMs = 24 * 3600_000,
): Promise<SweepReport> => {
  const now = svc.deps.clock();
  const sessions = await svc.deps.store.sessions.list();
  const total: SweepReport = { checked: 0, finalized: 0 };
  for (const s of sessions) {
    if (s.opensAt > now || s.closesAt + graceWindowMs < now) continue;
    const r = await sweepSession(svc, s.id);
    total.checked += r.checked;
    total.finalized += r.finalized;
  }
  return total;
};
