// The monitor refresh benchmark at 1,000 candidates: a handful of store reads per refresh, never one per attempt.
import { describe, expect, it } from 'vitest';
import { measureRoomRefresh } from './room-refresh.ts';

describe('room monitor refresh at 1,000 candidates', () => {
  it('reads the session and three queries (one page each), whatever the number of attempts', async () => {
    const f = await measureRoomRefresh(1000, 3);
    expect(f.rows).toBe(1000);
    expect(f.readsPerRefresh).toBe(4);
    expect(f.readUnitsPerRefresh).toBeGreaterThan(0);
  }, 120_000);
});
