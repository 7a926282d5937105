// Per-process cache of session META and secret (a few seconds old at most): a start spike reads each once, not per login.
import type { Session } from '../domain/attempt.ts';
import { isSessionOpen, MAX_SESSION_SPAN_MS } from '../domain/lifecycle.ts';
import type { Store } from '../store/types.ts';

const SESSION_TTL_MS = 5_000;
/** The secret never changes once a session exists; keep it for the life of the process. */
const MAX_SECRETS = 1_000;

export interface SessionCache {
  get(sessionId: string): Promise<Session | undefined>;
  secret(sessionId: string): Promise<string | undefined>;
  drop(sessionId: string): void;
  /**
   * The sessions open at `now`, by id: from one range Query over the sessions that opened within
   * MAX_SESSION_SPAN_MS (the sweep's list), re-read at most every few seconds, so a login reads no list of its own.
   */
  openAt(now: number): Promise<Session[]>;
}

export const createSessionCache = (store: Store, now: () => number): SessionCache => {
  const sessions = new Map<string, { at: number; value: Promise<Session | undefined> }>();
  const secrets = new Map<string, Promise<string | undefined>>();
  let listed: { at: number; value: Promise<Session[]> } | undefined;
  return {
    get(sessionId) {
      const hit = sessions.get(sessionId);
      if (hit && now() - hit.at < SESSION_TTL_MS) return hit.value;
      const value = store.sessions.get(sessionId);
      sessions.set(sessionId, { at: now(), value });
      value.catch(() => sessions.delete(sessionId));
      return value;
    },
    secret(sessionId) {
      const hit = secrets.get(sessionId);
      if (hit) return hit;
      if (secrets.size >= MAX_SECRETS) secrets.clear();
      const value = store.sessions.getSecret(sessionId);
      secrets.set(sessionId, value);
      value.then((v) => v === undefined && secrets.delete(sessionId)).catch(() => secrets.delete(sessionId));
      return value;
    },
    drop(sessionId) {
      sessions.delete(sessionId);
      listed = undefined;
    },
    async openAt(at) {
      if (!listed || now() - listed.at >= SESSION_TTL_MS) {
        // Sorted by id once per read, not per login (filter keeps the order).
        const value = store.sessions
          .listOpeningBetween(at - MAX_SESSION_SPAN_MS, at)
          .then((list) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
        listed = { at: now(), value };
        value.catch(() => {
          if (listed?.value === value) listed = undefined;
        });
      }
      return (await listed.value).filter((s) => isSessionOpen(s, at));
    },
  };
};
