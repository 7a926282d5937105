// Login limit counters on dynalite: atomic reservations, failures, expiry checked in code, unlock.
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyCounters } from '../../functions/domain/login-limits.ts';
import type { Store } from '../../functions/store/types.ts';
import { storeUnits } from '../../functions/store/units.ts';
import { attemptMeta, rosterEntry } from './fixtures.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const W = 1_800_000_000_000;
const END = W + 900_000;

describe('login limit counters', () => {
  it('a pair reservation succeeds once per reading of its tries', async () => {
    const r = store.loginLimits;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => r.reservePair('candidate', 'k1', '10.0.0.1', W, 0, W + 5, END)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const c = await r.read('candidate', 'k1', '10.0.0.1', W, W + 6);
    expect(c.pair).toEqual({ tries: 1, fails: 0, lastAt: W + 5 });
    expect(await r.reservePair('candidate', 'k1', '10.0.0.1', W, 1, W + 7, END)).toBe(true);
  });

  it('the address cap is atomic: a burst never overshoots it', async () => {
    const r = store.loginLimits;
    const results = await Promise.all(
      Array.from({ length: 30 }, () => r.reserveAddress('candidate', '10.0.0.2', W, 12, END)),
    );
    expect(results.filter(Boolean)).toHaveLength(12);
    expect((await r.read('candidate', 'any', '10.0.0.2', W, W)).addressTries).toBe(12);
  });

  it('a block of address attempts is taken whole or not at all, never past the cap', async () => {
    const r = store.loginLimits;
    expect(await r.reserveAddress('candidate', '10.0.0.9', W, 10, END, 8)).toBe(true);
    expect(await r.reserveAddress('candidate', '10.0.0.9', W, 10, END, 4)).toBe(false);
    expect(await r.reserveAddress('candidate', '10.0.0.9', W, 10, END, 2)).toBe(true);
    expect(await r.reserveAddress('candidate', '10.0.0.9', W, 10, END)).toBe(false);
    expect(await r.reserveAddress('candidate', '10.0.0.10', W, 3, END, 4)).toBe(false);
    expect((await r.read('candidate', 'any', '10.0.0.9', W, W)).addressTries).toBe(10);
  });

  it('failures count on the pair and on the key', async () => {
    const r = store.loginLimits;
    await r.recordFailure('staff', 'u1', '10.0.0.3', W, END);
    await r.recordFailure('staff', 'u1', '10.0.0.4', W, END);
    const c = await r.read('staff', 'u1', '10.0.0.3', W, W);
    expect(c.pair.fails).toBe(1);
    expect(c.keyFails).toBe(2);
    // Kinds are separate: a candidate named u1 has no staff failures.
    expect((await r.read('candidate', 'u1', '10.0.0.3', W, W)).keyFails).toBe(0);
  });

  it('an item past its expiresAt reads as absent (dynalite has no TTL)', async () => {
    const r = store.loginLimits;
    await r.recordFailure('candidate', 'k2', '10.0.0.5', W, END);
    expect((await r.read('candidate', 'k2', '10.0.0.5', W, END - 1)).keyFails).toBe(1);
    expect((await r.read('candidate', 'k2', '10.0.0.5', W, END)).keyFails).toBe(0);
  });

  it('clearKey deletes every counter of a name (all addresses and windows); clearAddress those of an address', async () => {
    const r = store.loginLimits;
    await r.recordFailure('candidate', 'k3', '10.0.0.6', W, END);
    await r.recordFailure('candidate', 'k3', '10.0.0.7', W + 900_000, END + 900_000);
    await r.reserveAddress('candidate', '10.0.0.6', W, 100, END);
    expect(await r.clearKey('candidate', 'k3')).toBe(4); // two pairs + two key items
    expect((await r.read('candidate', 'k3', '10.0.0.6', W, W)).keyFails).toBe(0);
    expect(await r.clearAddress('candidate', '10.0.0.6')).toBe(1);
    expect((await r.read('candidate', 'k3', '10.0.0.6', W, W)).addressTries).toBe(0);
  });

  it('a candidate login reads its counters, roster entry and attempt META in one request, each absent on its own', async () => {
    const r = store.loginLimits;
    const entry = rosterEntry('lim-s', 'R-LIM-1');
    await store.sessions.putRoster([entry]);
    await r.reservePair('candidate', 'r-lim-1', '10.0.0.8', W, 0, W + 1, END);
    const before = storeUnits.snapshot();
    const first = await r.readCandidateIn('r-lim-1', '10.0.0.8', W, W + 2, [
      { sessionId: 'lim-s', regNo: 'R-LIM-1', attemptId: 'a-lim' },
    ]);
    expect(storeUnits.snapshot().requests - before.requests).toBe(1);
    expect(first).toEqual({
      counters: { pair: { tries: 1, fails: 0, lastAt: W + 1 }, keyFails: 0, addressTries: 0 },
      found: [{ entry, attempt: undefined }],
    });
    const meta = attemptMeta('a-lim', { sessionId: 'lim-s', regNo: 'R-LIM-1' });
    await store.attempts.create(meta);
    const unknown = await r.readCandidateIn('nobody', '10.0.0.8', W, W + 2, [
      { sessionId: 'lim-s', regNo: 'nobody', attemptId: 'a-lim' },
    ]);
    expect(unknown).toEqual({ counters: emptyCounters(), found: [{ entry: undefined, attempt: meta }] });
  });

  it('a login while several sessions are open reads the counters and each session’s entry and META in one request, in order', async () => {
    const r = store.loginLimits;
    const entry = rosterEntry('lim-s3', 'R-LIM-3');
    await store.sessions.putRoster([entry]);
    const meta = attemptMeta('a-lim-3', { sessionId: 'lim-s3', regNo: 'R-LIM-3' });
    await store.attempts.create(meta);
    await r.reservePair('candidate', 'r-lim-3', '10.0.0.19', W, 0, W + 1, END);
    const before = storeUnits.snapshot();
    const read = await r.readCandidateIn('r-lim-3', '10.0.0.19', W, W + 2, [
      { sessionId: 'lim-s2', regNo: 'R-LIM-3', attemptId: 'a-lim-2' },
      { sessionId: 'lim-s3', regNo: 'R-LIM-3', attemptId: 'a-lim-3' },
      { sessionId: 'lim-s4', regNo: 'R-LIM-3', attemptId: 'a-lim-3' },
    ]);
    expect(storeUnits.snapshot().requests - before.requests).toBe(1);
    expect(read).toEqual({
      counters: { pair: { tries: 1, fails: 0, lastAt: W + 1 }, keyFails: 0, addressTries: 0 },
      found: [
        { entry: undefined, attempt: undefined },
        { entry, attempt: meta },
        // The same attempt key twice (read once, given to both).
        { entry: undefined, attempt: meta },
      ],
    });
  });
});
