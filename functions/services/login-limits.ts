// Login rate limiting: gates a credential check on the counters of (key, address), records failures, unlocks.
import { DomainError } from '../domain/errors.ts';
import {
  decideLogin,
  type LimitCounters,
  type LimitKind,
  type LoginLimits,
  windowStart,
} from '../domain/login-limits.ts';
import type { Store } from '../store/types.ts';
import { createAddressCredits } from './address-credits.ts';
import { userError } from './errors.ts';

/** Errors that mean "these credentials are wrong" (they count as failures; anything else does not). */
const CREDENTIAL_FAILURES = new Set(['INVALID_CREDENTIALS']);

/** Refusal with the time to retry (details.retryAfterSeconds also becomes the Retry-After header). */
export const tooManyAttempts = (retryAt: number, now: number): DomainError =>
  userError('TOO_MANY_ATTEMPTS', {
    retryAt,
    retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)),
  });

/** Counter keys are case-folded so that case variants of one name share its counters. */
const norm = (s: string): string => s.trim().toLowerCase();

/** Reads the counters of (normalized key, window) at `now`: the limiter's own read or a caller's combined one. */
export type CounterRead = (key: string, window: number, now: number) => Promise<LimitCounters>;

export const createLoginLimiter = (store: Store, clock: () => number, limits: LoginLimits) => {
  // The per-address cap, spent from blocks reserved in the store (one write per block, not per login).
  const addressCredits = createAddressCredits((kind, address, window, count) =>
    store.loginLimits.reserveAddress(
      kind,
      address,
      window,
      limits[kind].addressMax,
      window + limits[kind].windowMs,
      count,
    ),
  );
  return {
    /**
     * Runs `check` (the credential check) if the limits allow an attempt now, else throws TOO_MANY_ATTEMPTS.
     * The pair's attempt is taken atomically before the check, and one of the address's (from this process's
     * reserved block, address-credits.ts); a credential failure is then counted on the pair and the key. Unknown names are limited exactly like known ones. `firstRead`, when given, reads
     * the counters in place of the first `read`: a login that fetches its counters together with its own items
     * in one round trip (nothing it fetched is told to the client before this gate). A retry after a lost
     * reservation reads the counters alone.
     */
    async attempt<T>(
      kind: LimitKind,
      rawKey: string,
      address: string,
      check: () => Promise<T>,
      firstRead?: CounterRead,
    ): Promise<T> {
      const policy = limits[kind];
      const key = norm(rawKey);
      const now = clock();
      const window = windowStart(now, policy.windowMs);
      const expiresAt = window + policy.windowMs;
      const repo = store.loginLimits;
      for (let round = 0; ; round++) {
        const counters =
          round === 0 && firstRead
            ? await firstRead(key, window, now)
            : await repo.read(kind, key, address, window, now);
        const decision = decideLogin(policy, counters, now);
        if (!decision.ok) throw tooManyAttempts(decision.retryAt, now);
        if (await repo.reservePair(kind, key, address, window, counters.pair.tries, now, expiresAt)) break;
        // Another attempt of the same pair took this reading: read again once, then ask to retry shortly.
        if (round >= 1) throw tooManyAttempts(now + 1_000, now);
      }
      if (!(await addressCredits.take(kind, address, window))) throw tooManyAttempts(expiresAt, now);
      try {
        return await check();
      } catch (e) {
        if (e instanceof DomainError && CREDENTIAL_FAILURES.has(e.code))
          await repo.recordFailure(kind, key, address, window, expiresAt);
        throw e;
      }
    },

    /** One-click unlock by a proctor/admin: forgets every counter of a login key or of a client address. */
    async clear(kind: LimitKind, target: { key: string } | { address: string }): Promise<number> {
      return 'key' in target
        ? store.loginLimits.clearKey(kind, norm(target.key))
        : store.loginLimits.clearAddress(kind, target.address.trim());
    },
  };
};

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
