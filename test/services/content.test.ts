// The content cache's exam definitions: read at most a minute ago, refreshed ahead of expiry in the background.
import { describe, expect, it } from 'vitest';
import { createContentCache } from '../../functions/services/content.ts';
import type { Store } from '../../functions/store/types.ts';
import { exam } from '../store/fixtures.ts';
import { testStore } from '../store/helpers.ts';
import { readTracker } from './read-tracker.ts';

const TTL = 60_000;
const { track, settle } = readTracker();

/** A real store holding one exam, whose definition reads are counted. */
const counted = async (): Promise<{ store: Store; reads: () => number }> => {
  const store = await testStore();
  await store.exams.put(exam());
  let n = 0;
  const get = store.exams.get.bind(store.exams);
  store.exams.get = (id, version) => {
    n++;
    return track(get(id, version));
  };
  return { store, reads: () => n };
};

const regrade = { q1: { snapshotId: 's2', regradeId: 'r1' } };

describe('content cache: exam definitions', () => {
  it('a hit in the first half of the minute costs no read', async () => {
    const { store, reads } = await counted();
    let t = 1_000;
    const cache = createContentCache(store, () => t);
    expect(await cache.corrections('skd-2026')).toBeUndefined();
    t += TTL / 2 - 1;
    await cache.corrections('skd-2026');
    await settle();
    expect(reads()).toBe(1);
  });

  it('past half the minute a hit answers from the cache and refreshes it in the background (no request waits)', async () => {
    const { store, reads } = await counted();
    let t = 1_000;
    const cache = createContentCache(store, () => t);
    await cache.corrections('skd-2026');
    await store.exams.setCorrections('skd-2026', regrade);
    t += 45_000;
    // Within the minute: the cached definition, while one refresh read starts.
    expect(await cache.corrections('skd-2026')).toBeUndefined();
    expect(await cache.corrections('skd-2026')).toBeUndefined();
    await settle();
    expect(reads()).toBe(2);
    // Past the first read's minute, the refresh (issued at t = 46,000) is served without a new read.
    t += 20_000;
    expect(await cache.corrections('skd-2026')).toEqual(regrade);
    expect(reads()).toBe(2);
  });

  it('never serves a definition read more than a minute ago: an idle cache waits for a fresh read', async () => {
    const { store, reads } = await counted();
    let t = 1_000;
    const cache = createContentCache(store, () => t);
    await cache.corrections('skd-2026');
    await store.exams.setCorrections('skd-2026', regrade);
    t += TTL;
    expect(await cache.corrections('skd-2026')).toEqual(regrade);
    expect(reads()).toBe(2);
  });

  it('a refresh that lands after clear() (an edit) does not put its older read back', async () => {
    const { store, reads } = await counted();
    let t = 1_000;
    const cache = createContentCache(store, () => t);
    await cache.corrections('skd-2026');
    t += 45_000;
    await cache.corrections('skd-2026'); // starts a refresh read of the uncorrected definition
    cache.clear();
    await store.exams.setCorrections('skd-2026', regrade);
    await settle();
    expect(await cache.corrections('skd-2026')).toEqual(regrade);
    expect(reads()).toBe(3);
  });

  it('a failed refresh keeps serving the entry within its minute and is tried again by the next hit', async () => {
    const { store, reads } = await counted();
    let t = 1_000;
    const cache = createContentCache(store, () => t);
    await cache.corrections('skd-2026');
    const get = store.exams.get;
    store.exams.get = () => Promise.reject(new Error('store down'));
    t += 45_000;
    expect(await cache.corrections('skd-2026')).toBeUndefined();
    await settle();
    store.exams.get = get;
    await store.exams.setCorrections('skd-2026', regrade);
    expect(await cache.corrections('skd-2026')).toBeUndefined(); // served while a new refresh starts
    await settle();
    expect(await cache.corrections('skd-2026')).toEqual(regrade);
    expect(reads()).toBe(2);
  });
});
