// Per-process credits for the per-address login cap: attempts reserved in the store a block at a time, spent locally.
import type { LimitKind } from '../domain/login-limits.ts';

/** The most address attempts one reservation takes (so at most BLOCK_MAX − 1 lie unused per process and window). */
export const CREDIT_BLOCK_MAX = 16;
const MAX_ADDRESSES = 10_000;

/** Takes `count` attempts of the address's cap in the store, atomically; false when fewer than `count` are left. */
export type ReserveAddress = (
  kind: LimitKind,
  address: string,
  window: number,
  count: number,
) => Promise<boolean>;

interface Credit {
  window: number;
  left: number;
  /** Size of the next reservation: 1, then doubling while the address keeps coming, up to CREDIT_BLOCK_MAX. */
  block: number;
  refill?: Promise<boolean>;
}

/**
 * Every attempt the limiter lets through spends one credit, and every credit was reserved in the store
 * under the cap: the cap (attempts per address per window, all processes together) holds exactly. What a
 * block saves is the write per login: a room behind one NAT address logging in at once costs the process
 * one write per 16 logins instead of one each. The price: credits a process reserved and did not spend
 * (at most 15 per address and window) count against the cap.
 */
export const createAddressCredits = (reserve: ReserveAddress) => {
  const credits = new Map<string, Credit>();

  const creditOf = (id: string, window: number): Credit => {
    const c = credits.get(id);
    if (c && c.window === window) return c;
    if (!c && credits.size >= MAX_ADDRESSES) credits.delete(credits.keys().next().value as string);
    const fresh: Credit = { window, left: 0, block: 1 };
    credits.set(id, fresh);
    return fresh;
  };

  const refill = async (c: Credit, kind: LimitKind, address: string): Promise<boolean> => {
    // A block the cap has no room for falls back to one attempt, so the cap is reached to the last attempt.
    let got = c.block > 1 && (await reserve(kind, address, c.window, c.block)) ? c.block : 0;
    if (got === 0 && (await reserve(kind, address, c.window, 1))) got = 1;
    c.left += got;
    c.block = Math.min(CREDIT_BLOCK_MAX, c.block * 2);
    return got > 0;
  };

  return {
    /** Spends one attempt of the address's cap in `window`; false when the cap is used up. */
    async take(kind: LimitKind, address: string, window: number): Promise<boolean> {
      const id = `${kind}\u0000${address}`;
      for (;;) {
        const c = creditOf(id, window);
        if (c.left > 0) {
          c.left--;
          return true;
        }
        // One reservation in flight per address: the others wait for it and then take from it.
        if (c.refill) {
          await c.refill.catch(() => undefined);
          continue;
        }
        c.refill = refill(c, kind, address).finally(() => {
          c.refill = undefined;
        });
        if (!(await c.refill)) return false;
      }
    },
  };
};

export type AddressCredits = ReturnType<typeof createAddressCredits>;
