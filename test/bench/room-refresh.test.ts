// The monitor refresh benchmark at 1,000 candidates: a handful of store reads per refresh, never one per attempt.
import { describe, expect, it } from 'vitest';
import { measureRoomRefresh, measureRoomRefreshes } from './room-refresh.ts';

describe('room monitor refresh at 1,000 candidates', () => {
  it('reads the session and three queries (one page each), whatever the number of attempts', async () => {
    const f = await measureRoomRefresh(1000, 3);
    expect(f.rows).toBe(1000);
    expect(f.readsPerRefresh).toBe(4);
    expect(f.readUnitsPerRefresh).toBeGreaterThan(0);
  }, 120_000);

  it('the console walk at 2,500 candidates: 3 pages, 4 reads each, and fewer read units than one sorted page set', async () => {
    const [sorted, walk] = await measureRoomRefreshes(2500, 2, ['sorted', 'walk']);
    expect(walk).toMatchObject({ rows: 2500, pages: 3, readsPerRefresh: 12 });
    // The sorted route reads the whole room for each of its 3 pages; the walk reads it once.
    expect(sorted?.pages).toBe(3);
    expect(walk?.readUnitsPerRefresh).toBeLessThan((sorted?.readUnitsPerRefresh ?? 0) / 2);
  }, 240_000);
});
