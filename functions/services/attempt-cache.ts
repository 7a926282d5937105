// Per-process cache of attempt META (a few seconds old at most): the save path checks state without a store read.
import type { AttemptMeta } from '../domain/attempt.ts';
import type { Store } from '../store/types.ts';
import { userError } from './errors.ts';

const MAX_ENTRIES = 50_000;

export interface AttemptCache {
  get(attemptId: string): Promise<AttemptMeta>;
  set(meta: AttemptMeta): void;
  drop(attemptId: string): void;
}

export const createAttemptCache = (store: Store, now: () => number, maxAgeMs: number): AttemptCache => {
  const entries = new Map<string, { at: number; meta: Promise<AttemptMeta> }>();
  const put = (attemptId: string, meta: Promise<AttemptMeta>) => {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(attemptId, { at: now(), meta });
  };
  return {
    get(attemptId) {
      const hit = entries.get(attemptId);
      if (hit && now() - hit.at <= maxAgeMs) return hit.meta;
      const meta = store.attempts.get(attemptId).then((m) => {
        if (!m) throw userError('NOT_STARTED');
        return m;
      });
      put(attemptId, meta);
      meta.catch(() => entries.delete(attemptId));
      return meta;
    },
    set(meta) {
      put(meta.attemptId, Promise.resolve(meta));
    },
    drop(attemptId) {
      entries.delete(attemptId);
    },
  };
};
