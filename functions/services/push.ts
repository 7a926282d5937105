// Proctor signals pushed to open exam pages: the transport port (API Gateway WebSocket or the local server's
// WebSocket), connection registration on connect, and publishing an attempt's new state to its connections.
import type { AttemptMeta } from '../domain/attempt.ts';
import { deadlineOf, remainingMs } from '../domain/timing.ts';
import type { AttemptEnd, AttemptSignal } from '../schemas/candidate.ts';
import { type CandidateClaims, verifyToken } from './auth/tokens.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { log } from './log.ts';

/**
 * The port each adapter implements: post one message to one connection. 'gone' = the connection no longer
 * exists (closed tab, lost network): its registration is deleted. Adapters: functions/handlers/push-apigw.ts
 * (API Gateway Management API) and functions/local/push-ws.ts (the local server's WebSocket).
 */
export interface PushTransport {
  post(connectionId: string, data: string): Promise<'sent' | 'gone'>;
}

/** A registration outlives any exam (API Gateway closes a connection after 2 h); TTL removes forgotten ones. */
export const PUSH_CONNECTION_TTL_MS = 3 * 3600_000;

/** The signal a page acts on, from the attempt's META (and, once it ended, how it ended). */
export const signalOf = (meta: AttemptMeta, now: number, ended: AttemptEnd | null): AttemptSignal => {
  const live = meta.state === 'running' || meta.state === 'paused';
  return {
    attemptId: meta.attemptId,
    state: meta.state,
    deadline: live ? deadlineOf(meta) : null,
    remainingMs: live ? remainingMs(meta, now) : null,
    deviceEpoch: meta.deviceEpoch,
    ended: live || meta.state === 'ready' ? null : ended,
    serverTime: now,
  };
};

export type SignalPush = ReturnType<typeof createSignalPush>;

export const createSignalPush = (deps: Deps) => ({
  /** Whether this process can push (an adapter gave a transport); without one, pages learn by poll. */
  enabled: deps.push !== undefined,

  /** A page's candidate token, checked before its socket opens (API Gateway: the $connect authorizer). */
  async authorize(token: string | undefined): Promise<CandidateClaims> {
    if (!token) throw userError('UNAUTHENTICATED.signIn');
    const claims = await verifyToken(token, deps.config.jwtSecret, deps.clock());
    if (claims.role !== 'candidate') throw userError('FORBIDDEN.role');
    return claims;
  },

  /** Registers an authorized page's connection under its attempt (API Gateway: the $connect route). */
  async register(attemptId: string, connectionId: string): Promise<void> {
    await deps.store.pushConnections.put(attemptId, connectionId, deps.clock() + PUSH_CONNECTION_TTL_MS);
  },

  /** Both at once (the local server's upgrade). */
  async connect(token: string | undefined, connectionId: string): Promise<CandidateClaims> {
    const claims = await this.authorize(token);
    await this.register(claims.aid, connectionId);
    return claims;
  },

  /**
   * Posts the attempt's state to each of its open pages. Never fails the caller's action: a page that misses
   * a push still learns at its next save or, while its socket is down, its fallback poll.
   */
  async publish(meta: AttemptMeta, ended: AttemptEnd | null): Promise<number> {
    const transport = deps.push;
    if (!transport) return 0;
    try {
      const now = deps.clock();
      const ids = await deps.store.pushConnections.list(meta.attemptId, now);
      const data = JSON.stringify(signalOf(meta, now, ended));
      const sent = await Promise.all(
        ids.map(async (id) => {
          const r = await transport.post(id, data).catch((e: unknown) => {
            log.warn('push post failed', { attemptId: meta.attemptId, error: String(e) });
            return 'failed' as const;
          });
          if (r === 'gone') await deps.store.pushConnections.delete(meta.attemptId, id);
          return r === 'sent' ? 1 : 0;
        }),
      );
      return sent.reduce<number>((a, b) => a + b, 0);
    } catch (e) {
      log.warn('push publish failed', { attemptId: meta.attemptId, error: String(e) });
      return 0;
    }
  },
});
