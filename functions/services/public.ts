// Public use cases (no login): the commit–reveal of a session secret, and the store's health.
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
  /** The hash before and during the session, the secret after it closes. */
  async commitment(sessionId: string, now: number): Promise<Commitment> {
    const session = await deps.store.sessions.get(sessionId);
    if (!session) throw userError('NOT_FOUND.session');
    const secret = now > session.closesAt ? await deps.store.sessions.getSecret(sessionId) : undefined;
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
