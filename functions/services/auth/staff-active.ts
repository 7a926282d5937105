// Staff token revocation: a disabled (or deleted) account's token is refused, from a per-process cache ≤ 5 s old.
import type { Deps } from '../deps.ts';
import { userError } from '../errors.ts';
import type { StaffClaims } from './tokens.ts';

/**
 * How long one process trusts a looked-up account status. A disable is seen at once by the process that
 * wrote it (it forgets the entry) and by every other process (other Lambdas) within this many ms.
 */
export const STAFF_STATUS_MAX_AGE_MS = 5_000;

interface Status {
  active: boolean;
  role: string | undefined;
  at: number;
}

/** Per store (one table = one set of accounts): user id -> status last read. */
const cache = new WeakMap<object, Map<string, Status>>();
const cacheOf = (store: object) => {
  let m = cache.get(store);
  if (!m) {
    m = new Map();
    cache.set(store, m);
  }
  return m;
};

/** Throws UNAUTHENTICATED.disabled unless the token's account exists, is not disabled and has the token's role. */
export const assertStaffActive = async (deps: Deps, claims: StaffClaims): Promise<void> => {
  const now = deps.clock();
  const entries = cacheOf(deps.store);
  let s = entries.get(claims.sub);
  if (!s || now - s.at > STAFF_STATUS_MAX_AGE_MS || now < s.at) {
    const user = await deps.store.users.get(claims.sub);
    s = { active: user !== undefined && user.disabled !== true, role: user?.role, at: now };
    if (entries.size > 10_000) entries.clear();
    entries.set(claims.sub, s);
  }
  if (!s.active || s.role !== claims.role) throw userError('UNAUTHENTICATED.disabled');
};

/** The account changed in this process (disabled, enabled): the next request reads it again. */
export const forgetStaffStatus = (deps: Pick<Deps, 'store'>, userId: string): void => {
  cache.get(deps.store)?.delete(userId);
};
