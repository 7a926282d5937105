// mapLimit: never more than `limit` in flight, every item once, results in input order, first failure rejects.
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../functions/services/concurrency.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('mapLimit', () => {
  it.each([
    [0, 3],
    [1, 1],
    [5, 1],
    [5, 2],
    [20, 4],
    [3, 10],
  ])('%i items, limit %i: bounded, complete, ordered', async (n, limit) => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const out = await mapLimit(
      Array.from({ length: n }, (_, i) => i),
      limit,
      async (x) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick();
        seen.push(x);
        inFlight--;
        return x * 10;
      },
    );
    expect(out).toEqual(Array.from({ length: n }, (_, i) => i * 10));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(peak).toBe(Math.min(n, limit));
  });

  it('rejects with the first failure; a bad limit is refused', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (x) => {
        if (x === 2) throw new Error('two');
        return x;
      }),
    ).rejects.toThrow('two');
    await expect(mapLimit([1], 0, async (x) => x)).rejects.toThrow(RangeError);
  });
});
