import { describe, expect, it } from 'vitest';
import {
  decideLogin,
  type LimitCounters,
  type LimitPolicy,
  pairDelayMs,
  windowStart,
} from '../../functions/domain/login-limits.ts';

const policy: LimitPolicy = {
  windowMs: 900_000,
  pairFree: 5,
  pairMax: 20,
  delayBaseMs: 2_000,
  delayMaxMs: 300_000,
  keyFailuresSlow: 10,
  keyDelayMs: 30_000,
  addressMax: 3_000,
};

const T0 = 1_800_000_000_000; // a multiple of the window: window [T0, T0 + 900 s)
const counters = (pair: Partial<LimitCounters['pair']>, keyFails = 0, addressTries = 0): LimitCounters => ({
  pair: { tries: 0, fails: 0, lastAt: 0, ...pair },
  keyFails,
  addressTries,
});

describe('pairDelayMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 2_000],
    [6, 4_000],
    [9, 32_000],
    [12, 256_000],
    [13, 300_000],
    [19, 300_000],
  ])('after %i attempts the pair waits %i ms', (tries, ms) => {
    expect(pairDelayMs(policy, tries)).toBe(ms);
  });
});

describe('decideLogin', () => {
  it.each([
    ['a fresh pair', counters({}), T0 + 1, { ok: true }],
    ['4 attempts, no delay yet', counters({ tries: 4, fails: 4, lastAt: T0 }), T0, { ok: true }],
    [
      '5 attempts: 2 s after the last',
      counters({ tries: 5, fails: 5, lastAt: T0 + 10_000 }),
      T0 + 11_000,
      { ok: false, retryAt: T0 + 12_000, reason: 'pairSlow' },
    ],
    [
      '5 attempts, 2 s passed',
      counters({ tries: 5, fails: 5, lastAt: T0 + 10_000 }),
      T0 + 12_000,
      { ok: true },
    ],
    [
      'pair stopped until the window ends',
      counters({ tries: 20, fails: 20, lastAt: T0 + 1_000 }),
      T0 + 800_000,
      { ok: false, retryAt: T0 + 900_000, reason: 'pairStopped' },
    ],
    [
      'a delay never outlasts the window',
      counters({ tries: 15, fails: 15, lastAt: T0 + 850_000 }),
      T0 + 851_000,
      { ok: false, retryAt: T0 + 900_000, reason: 'pairSlow' },
    ],
    [
      'key under attack: a pair that failed waits 30 s',
      counters({ tries: 1, fails: 1, lastAt: T0 + 5_000 }, 10),
      T0 + 6_000,
      { ok: false, retryAt: T0 + 35_000, reason: 'keySlow' },
    ],
    [
      'key under attack: a clean pair (own address) is not slowed',
      counters({}, 10_000),
      T0 + 6_000,
      { ok: true },
    ],
    [
      'key under attack: a clean pair that logged in before is not slowed',
      counters({ tries: 2, fails: 0, lastAt: T0 + 5_000 }, 500),
      T0 + 5_001,
      { ok: true },
    ],
    [
      'address cap (a whole room) until the window ends',
      counters({}, 0, 3_000),
      T0 + 1,
      { ok: false, retryAt: T0 + 900_000, reason: 'address' },
    ],
    ['address one below the cap', counters({}, 0, 2_999), T0 + 1, { ok: true }],
  ] as const)('%s', (_name, c, now, expected) => {
    expect(decideLogin(policy, c, now)).toEqual(expected);
  });

  it('windows are aligned to multiples of their length', () => {
    expect(windowStart(T0 + 899_999, 900_000)).toBe(T0);
    expect(windowStart(T0 + 900_000, 900_000)).toBe(T0 + 900_000);
  });
});
