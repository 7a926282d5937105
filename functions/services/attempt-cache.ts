// Per-process cache of attempt META (a few seconds old at most): the save path checks state without a store read.
import type { AttemptMeta } from '../domain/attempt.ts';
import type { Store } from '../store/types.ts';
import { userError } from './errors.ts';

const MAX_ENTRIES = 50_000;

export interface AttemptCache {
  get(attemptId: string): Promise<AttemptMeta>;
  /**
   * The last META this process saw for the attempt, whatever its age (undefined if none). Only for facts that
   * cannot turn against the caller with age: the seed and snapshots never change, and a device it names as
   * current was the attempt's device at that moment.
   */
  peek(attemptId: string): AttemptMeta | undefined;
  set(meta: AttemptMeta): void;
  drop(attemptId: string): void;
}

interface Entry {
  /** When the read that produced `meta` was issued: the entry is served until at + maxAge, never later. */
  at: number;
  meta: Promise<AttemptMeta>;
  /** A refresh read is under way (at most one per entry): when it was issued and what it will give. */
  refreshing?: { at: number; meta: Promise<AttemptMeta> };
  /** `meta` once it has resolved (what peek() returns). */
  value?: AttemptMeta;
}

/**
 * An entry is served while younger than `maxAgeMs` (counted from when its read was issued, so the bound on
 * staleness holds). Past half its age, a hit also starts one background read that replaces the entry when it
 * lands: an attempt saving at least every `maxAgeMs` never waits for a META read on its save path (the
 * read used to sit in front of the step's put once per max age), and no entry is served beyond its age.
 * An entry that expires while its refresh is still out is answered by that refresh (issued within the max
 * age, like any entry served), so a slow store is not sent a second read per attempt on top of the first.
 */
export const createAttemptCache = (store: Store, now: () => number, maxAgeMs: number): AttemptCache => {
  const entries = new Map<string, Entry>();
  const put = (attemptId: string, entry: Entry) => {
    if (!entries.has(attemptId) && entries.size >= MAX_ENTRIES)
      entries.delete(entries.keys().next().value as string);
    entries.set(attemptId, entry);
  };
  const read = (attemptId: string): Promise<AttemptMeta> =>
    store.attempts.get(attemptId).then((m) => {
      if (!m) throw userError('NOT_STARTED');
      return m;
    });
  const refresh = (attemptId: string, stale: Entry) => {
    const at = now();
    const meta = read(attemptId);
    stale.refreshing = { at, meta };
    meta.then(
      (m) => {
        // Only if nothing newer replaced the entry meanwhile (set() from a write, or another read).
        if (entries.get(attemptId) === stale) put(attemptId, { at, meta: Promise.resolve(m), value: m });
      },
      () => {
        if (stale.refreshing?.meta === meta) stale.refreshing = undefined;
      },
    );
  };
  return {
    get(attemptId) {
      const hit = entries.get(attemptId);
      const t = now();
      if (hit && t - hit.at <= maxAgeMs) {
        if (!hit.refreshing && t - hit.at > maxAgeMs / 2) refresh(attemptId, hit);
        return hit.meta;
      }
      // Expired while its refresh is still out (a slow store): that read was issued within the max age, so
      // wait for it rather than pile a second read onto the store (a failed refresh: read again).
      const pending = hit?.refreshing;
      if (pending && t - pending.at <= maxAgeMs) return pending.meta.catch(() => read(attemptId));
      const meta = read(attemptId);
      const entry: Entry = { at: t, meta };
      put(attemptId, entry);
      meta.then(
        (m) => {
          entry.value = m;
        },
        () => {
          if (entries.get(attemptId) === entry) entries.delete(attemptId);
        },
      );
      return meta;
    },
    peek(attemptId) {
      return entries.get(attemptId)?.value;
    },
    set(meta) {
      put(meta.attemptId, { at: now(), meta: Promise.resolve(meta), value: meta });
    },
    drop(attemptId) {
      entries.delete(attemptId);
    },
  };
};
