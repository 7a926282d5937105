// Public use cases (no login): the commit–reveal of a session secret, and the store's health.
import { revealDecision } from '../domain/reveal.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';

export interface Commitment {
  sessionId: string;
  secretCommitment: string;
  secret: string | null;
  closesAt: number;
}

export type Health = { ok: true } | { ok: false; detail: string };

export const createPublicService = (deps: Deps) => ({
  /**
   * The hash until no attempt of the session can still change (domain/reveal.ts), the secret after. The
   * margin after a running attempt's deadline is the grace plus the attempt cache's age (a stale cache may
   * still acknowledge a save that long).
   */
  async commitment(sessionId: string, now: number): Promise<Commitment> {
    const session = await deps.store.sessions.get(sessionId);
    if (!session) throw userError('NOT_FOUND.session');
    const margin = deps.config.graceMs + deps.config.attemptCacheMs;
    // Attempts are read only once the window has closed: before that nothing is revealed anyway.
    const revealed =
      now >= session.closesAt || session.cancelledAt !== undefined
        ? revealDecision(session, await deps.store.attempts.listBySession(sessionId), now, margin).revealed
        : false;
    const secret = revealed ? await deps.store.sessions.getSecret(sessionId) : undefined;
    return {
      sessionId,
      secretCommitment: session.secretCommitment,
      secret: secret ?? null,
      closesAt: session.closesAt,
    };
  },
  async health(): Promise<Health> {
    try {
      await deps.store.ping();
      return { ok: true };
    } catch (e) {
      return { ok: false, detail: String(e) };
    }
  },
});

export type PublicService = ReturnType<typeof createPublicService>;
