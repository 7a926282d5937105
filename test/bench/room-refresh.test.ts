// The monitor refresh benchmark at 2,500 candidates: a handful of store reads per page, never one per attempt.
import { beforeAll, describe, expect, it } from 'vitest';
import { measureRoomRefreshes, type RoomRefreshFigures } from './room-refresh.ts';

// One room seeded once (seeding is most of the cost) and refreshed both ways: the sorted route's pages each
// read the whole room, so they show that one query page holds a whole room of this size.
let sorted: RoomRefreshFigures | undefined;
let walk: RoomRefreshFigures | undefined;
beforeAll(async () => {
  [sorted, walk] = await measureRoomRefreshes(2500, 2, ['sorted', 'walk']);
}, 240_000);

describe('room monitor refresh at 2,500 candidates', () => {
  it('each sorted page reads the session and three queries (one store page each), whatever the number of attempts', () => {
    expect(sorted).toMatchObject({ rows: 2500, pages: 3, readsPerRefresh: 3 * 4 });
    expect(sorted?.readUnitsPerRefresh).toBeGreaterThan(0);
  });

  it('the console walk: 3 pages, 4 reads each, and fewer read units than one sorted page set', () => {
    expect(walk).toMatchObject({ rows: 2500, pages: 3, readsPerRefresh: 12 });
    // The sorted route reads the whole room for each of its 3 pages; the walk reads it once.
    expect(walk?.readUnitsPerRefresh).toBeLessThan((sorted?.readUnitsPerRefresh ?? 0) / 2);
  });
});
