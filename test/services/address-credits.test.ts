// Address credits: the per-address cap holds exactly across a burst, blocks grow while one address keeps coming.
import { describe, expect, it } from 'vitest';
import { CREDIT_BLOCK_MAX, createAddressCredits } from '../../functions/services/address-credits.ts';

/** A store cap in memory: reservations of `count` succeed while they fit under `max`. */
const storeCap = (max: number) => {
  const used = new Map<string, number>();
  const calls: number[] = [];
  const reserve = async (_kind: string, address: string, window: number, count: number) => {
    calls.push(count);
    await new Promise((r) => setTimeout(r, 1));
    const id = `${address}@${window}`;
    const now = used.get(id) ?? 0;
    if (now + count > max) return false;
    used.set(id, now + count);
    return true;
  };
  return { reserve, calls, used };
};

describe('address credits', () => {
  it('a burst of 100 concurrent attempts against a cap of 40: exactly 40 pass', async () => {
    const cap = storeCap(40);
    const credits = createAddressCredits(cap.reserve);
    const res = await Promise.all(
      Array.from({ length: 100 }, () => credits.take('candidate', '10.0.0.1', 0)),
    );
    expect(res.filter(Boolean)).toHaveLength(40);
    expect(cap.used.get('10.0.0.1@0')).toBe(40);
  });

  it('one address logging in steadily: blocks of 1, 2, 4 … 16, one write per block', async () => {
    const cap = storeCap(1_000);
    const credits = createAddressCredits(cap.reserve);
    for (let n = 0; n < 100; n++) expect(await credits.take('candidate', '10.0.0.2', 0)).toBe(true);
    expect(cap.calls).toEqual([1, 2, 4, 8, 16, 16, 16, 16, 16, 16]);
    // Reserved and not spent: at most CREDIT_BLOCK_MAX − 1.
    expect(cap.used.get('10.0.0.2@0')! - 100).toBeLessThan(CREDIT_BLOCK_MAX);
  });

  it('a block the cap has no room for falls back to single attempts, up to the last one', async () => {
    const cap = storeCap(5);
    const credits = createAddressCredits(cap.reserve);
    const res: boolean[] = [];
    for (let n = 0; n < 7; n++) res.push(await credits.take('candidate', '10.0.0.3', 0));
    expect(res).toEqual([true, true, true, true, true, false, false]);
  });

  it('a new window starts from a block of one; addresses and kinds are separate', async () => {
    const cap = storeCap(1_000);
    const credits = createAddressCredits(cap.reserve);
    for (let n = 0; n < 4; n++) await credits.take('candidate', '10.0.0.4', 0);
    await credits.take('candidate', '10.0.0.4', 900_000);
    await credits.take('staff', '10.0.0.4', 900_000);
    await credits.take('candidate', '10.0.0.5', 900_000);
    expect(cap.calls).toEqual([1, 2, 4, 1, 1, 1]);
  });

  it('a store error reaches the caller and the next attempt reserves again', async () => {
    let fail = true;
    const credits = createAddressCredits(async () => {
      if (fail) throw new Error('store down');
      return true;
    });
    await expect(credits.take('candidate', '10.0.0.6', 0)).rejects.toThrow('store down');
    fail = false;
    expect(await credits.take('candidate', '10.0.0.6', 0)).toBe(true);
  });
});
