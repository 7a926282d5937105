// Room-monitor progress items on dynalite: the login's 'ready' mark, the throttled progress write, ranges.
import { beforeAll, describe, expect, it } from 'vitest';
import { storeUnits } from '../../functions/store/index.ts';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from './helpers.ts';

describe('room progress', () => {
  let store: Store;
  beforeAll(async () => {
    store = await testStore();
  });
  const who = (regNo: string) => ({ sessionId: 'S-1', regNo, attemptId: `att-${regNo}` });

  it('a login mark is one store request and lists as loggedInAt, without progress', async () => {
    const before = storeUnits.snapshot().requests;
    await store.room.recordLogin({ ...who('R-001'), at: 1_000 });
    expect(storeUnits.snapshot().requests - before).toBe(1);
    expect(await store.room.listProgress('S-1')).toEqual([{ ...who('R-001'), loggedInAt: 1_000 }]);
  });

  it('progress after the login mark keeps it; a login again (no attempt yet) moves only its time', async () => {
    await store.room.recordLogin({ ...who('R-002'), at: 1_000 });
    await store.room.recordLogin({ ...who('R-002'), at: 2_000 });
    expect(
      await store.room.recordProgress({ ...who('R-002'), answered: 3, lastSaveAt: 5_000, notAfter: 0 }),
    ).toBe(true);
    // Within the throttle window another process's write is held back by the condition.
    expect(
      await store.room.recordProgress({ ...who('R-002'), answered: 4, lastSaveAt: 6_000, notAfter: 4_000 }),
    ).toBe(false);
    expect(await store.room.listProgressRange('S-1', 'R-002', 'R-002')).toEqual([
      { ...who('R-002'), loggedInAt: 2_000, answered: 3, lastSaveAt: 5_000 },
    ]);
  });
});
