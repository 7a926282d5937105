// The attempt META cache: served within its max age only, refreshed ahead of expiry in the background.
import { describe, expect, it } from 'vitest';
import { createAttemptCache } from '../../functions/services/attempt-cache.ts';
import type { Store } from '../../functions/store/types.ts';
import { attemptMeta } from '../store/fixtures.ts';
import { testStore } from '../store/helpers.ts';
import { readTracker } from './read-tracker.ts';

const MAX_AGE = 3_000;
const { track, settle } = readTracker();

/** A real store whose META reads are counted. */
const counted = async (): Promise<{ store: Store; reads: () => number }> => {
  const store = await testStore();
  let n = 0;
  const get = store.attempts.get.bind(store.attempts);
  store.attempts.get = (id, consistent) => {
    n++;
    return track(get(id, consistent));
  };
  return { store, reads: () => n };
};

describe('attempt cache', () => {
  it('a hit in the first half of the max age costs no read', async () => {
    const { store, reads } = await counted();
    await store.attempts.create(attemptMeta('a1'));
    let t = 1_000;
    const cache = createAttemptCache(store, () => t, MAX_AGE);
    expect((await cache.get('a1')).attemptId).toBe('a1');
    t += MAX_AGE / 2;
    await cache.get('a1');
    await settle();
    expect(reads()).toBe(1);
  });

  it('past half its age a hit answers from the cache and refreshes it in the background', async () => {
    const { store, reads } = await counted();
    const meta = attemptMeta('a2');
    await store.attempts.create(meta);
    let t = 1_000;
    const cache = createAttemptCache(store, () => t, MAX_AGE);
    await cache.get('a2');
    await store.attempts.update({ ...meta, state: 'paused' }, meta.version);
    t += 2_000;
    // Still within the max age: the cached (running) META, while one refresh read starts.
    expect((await cache.get('a2')).state).toBe('running');
    expect((await cache.get('a2')).state).toBe('running');
    await settle();
    expect(reads()).toBe(2);
    // Past the first read's max age, but the refresh (issued at t = 3,000) is served without a new read.
    t += 1_500;
    expect((await cache.get('a2')).state).toBe('paused');
    expect(reads()).toBe(2);
  });

  it('never serves an entry past its max age: an idle attempt waits for a fresh read', async () => {
    const { store, reads } = await counted();
    const meta = attemptMeta('a3');
    await store.attempts.create(meta);
    let t = 1_000;
    const cache = createAttemptCache(store, () => t, MAX_AGE);
    await cache.get('a3');
    await store.attempts.update({ ...meta, state: 'paused' }, meta.version);
    t += MAX_AGE + 1;
    expect((await cache.get('a3')).state).toBe('paused');
    expect(reads()).toBe(2);
  });

  it('an entry that expires while its refresh is still out waits for that read instead of sending another', async () => {
    const { store, reads } = await counted();
    const meta = attemptMeta('a5');
    await store.attempts.create(meta);
    let t = 1_000;
    const cache = createAttemptCache(store, () => t, MAX_AGE);
    await cache.get('a5');
    await store.attempts.update({ ...meta, state: 'paused' }, meta.version);
    // The store is slow from here: the refresh read is held until released.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const get = store.attempts.get;
    store.attempts.get = async (id, consistent) => {
      const out = get(id, consistent);
      await held;
      return out;
    };
    t += 2_000;
    expect((await cache.get('a5')).state).toBe('running'); // refresh issued at t = 3,000
    t += 1_500; // the first read is past its max age; the refresh (1.5 s old) is not
    const waiting = cache.get('a5');
    release();
    expect((await waiting).state).toBe('paused');
    expect(reads()).toBe(2);
    // A refresh older than the max age is not waited for: a fresh read.
    t += MAX_AGE + 1;
    expect((await cache.get('a5')).state).toBe('paused');
    expect(reads()).toBe(3);
  });

  it('a refresh does not overwrite what set() or drop() did meanwhile', async () => {
    const { store } = await counted();
    const meta = attemptMeta('a4');
    await store.attempts.create(meta);
    let t = 1_000;
    const cache = createAttemptCache(store, () => t, MAX_AGE);
    await cache.get('a4');
    t += 2_000;
    await cache.get('a4'); // starts a refresh of the stored (running) META
    cache.set({ ...meta, state: 'submitted' });
    await settle();
    expect((await cache.get('a4')).state).toBe('submitted');
  });

  it('an attempt that was never started is NOT_STARTED, and not cached', async () => {
    const { store, reads } = await counted();
    const cache = createAttemptCache(store, () => 1_000, MAX_AGE);
    await expect(cache.get('nope')).rejects.toMatchObject({ code: 'NOT_STARTED' });
    await expect(cache.get('nope')).rejects.toMatchObject({ code: 'NOT_STARTED' });
    expect(reads()).toBe(2);
  });

  it('peek: the last META seen, whatever its age, without a read; nothing before a read lands or after drop', async () => {
    const { store, reads } = await counted();
    await store.attempts.create(attemptMeta('p1'));
    let t = 1_000;
    const cache = createAttemptCache(store, () => t, MAX_AGE);
    const pending = cache.get('p1');
    expect(cache.peek('p1')).toBeUndefined();
    await pending;
    t += 100 * MAX_AGE;
    expect(cache.peek('p1')?.attemptId).toBe('p1');
    cache.set({ ...attemptMeta('p1'), deviceEpoch: 3 });
    expect(cache.peek('p1')?.deviceEpoch).toBe(3);
    cache.drop('p1');
    expect(cache.peek('p1')).toBeUndefined();
    expect(reads()).toBe(1);
  });
});
