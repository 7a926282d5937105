// Login rate-limit policy: when a login attempt may be evaluated, given the counters of its window. Pure.

/**
 * Counters live in fixed windows (one item per (kind, key, window), see store/login-limits.ts):
 * - pair    = (login key, client address): every attempt (`tries`) and every failure (`fails`), last attempt time;
 * - key     = the login key over all addresses: failures only;
 * - address = the client address over all keys: every attempt.
 * The policy slows a pair down rather than locking the key: an attacker guessing for someone else's
 * registration number from another address never delays that candidate's own (clean) address, and every
 * refusal ends at the latest when the window does.
 */
export interface LimitPolicy {
  /** Length of a counter window. Every refusal ends when its window ends (nothing is permanent). */
  windowMs: number;
  /** Attempts per (key, address) per window evaluated without delay. */
  pairFree: number;
  /** Attempts per (key, address) per window after which the pair is stopped until the window ends. */
  pairMax: number;
  /** Delay after the first attempt beyond pairFree; doubles with each further attempt, up to delayMaxMs. */
  delayBaseMs: number;
  delayMaxMs: number;
  /** Failures of a key (all addresses) per window from which pairs that have failed wait keyDelayMs between attempts. */
  keyFailuresSlow: number;
  keyDelayMs: number;
  /** Attempts per address per window (a whole exam room may share one NAT address: size for its seats). */
  addressMax: number;
}

export interface LoginLimits {
  candidate: LimitPolicy;
  staff: LimitPolicy;
}

export type LimitKind = keyof LoginLimits;

const MINUTE = 60_000;

/**
 * Defaults. Candidates: a 500-seat room behind one NAT address logs in with up to 3,000 attempts per
 * 15 minutes (six per seat); one candidate gets 5 attempts free, then 2 s, 4 s, 8 s … (≤ 5 min) between
 * attempts, and at most 20 per 15 minutes from one address. Staff: the same per-pair rule, 300 per address.
 */
export const defaultLoginLimits: LoginLimits = {
  candidate: {
    windowMs: 15 * MINUTE,
    pairFree: 5,
    pairMax: 20,
    delayBaseMs: 2_000,
    delayMaxMs: 5 * MINUTE,
    keyFailuresSlow: 10,
    keyDelayMs: 30_000,
    addressMax: 3_000,
  },
  staff: {
    windowMs: 15 * MINUTE,
    pairFree: 5,
    pairMax: 20,
    delayBaseMs: 2_000,
    delayMaxMs: 5 * MINUTE,
    keyFailuresSlow: 10,
    keyDelayMs: 30_000,
    addressMax: 300,
  },
};

export interface PairCounter {
  tries: number;
  fails: number;
  /** Time of the last attempt (ms); 0 when none. */
  lastAt: number;
}

export interface LimitCounters {
  pair: PairCounter;
  keyFails: number;
  addressTries: number;
}

export const emptyCounters = (): LimitCounters => ({
  pair: { tries: 0, fails: 0, lastAt: 0 },
  keyFails: 0,
  addressTries: 0,
});

export type LimitReason = 'pairSlow' | 'pairStopped' | 'keySlow' | 'address';

export type LimitDecision = { ok: true } | { ok: false; retryAt: number; reason: LimitReason };

/** Start of the window containing `now`. */
export const windowStart = (now: number, windowMs: number): number => now - (now % windowMs);

/** Delay a pair must leave after its last attempt, by attempts so far (0 below pairFree). */
export const pairDelayMs = (policy: LimitPolicy, tries: number): number => {
  if (tries < policy.pairFree) return 0;
  const doublings = Math.min(30, tries - policy.pairFree);
  return Math.min(policy.delayMaxMs, policy.delayBaseMs * 2 ** doublings);
};

/** May an attempt be evaluated now? Refusals say when to retry (never later than the window's end). */
export const decideLogin = (policy: LimitPolicy, counters: LimitCounters, now: number): LimitDecision => {
  const windowEnd = windowStart(now, policy.windowMs) + policy.windowMs;
  if (counters.addressTries >= policy.addressMax) return { ok: false, retryAt: windowEnd, reason: 'address' };
  const { pair } = counters;
  if (pair.tries >= policy.pairMax) return { ok: false, retryAt: windowEnd, reason: 'pairStopped' };
  let delay = pairDelayMs(policy, pair.tries);
  let reason: LimitReason = 'pairSlow';
  if (pair.fails > 0 && counters.keyFails >= policy.keyFailuresSlow && policy.keyDelayMs > delay) {
    delay = policy.keyDelayMs;
    reason = 'keySlow';
  }
  const retryAt = Math.min(windowEnd, pair.lastAt + delay);
  return delay > 0 && retryAt > now ? { ok: false, retryAt, reason } : { ok: true };
};
