// The progress throttle across processes: a conditional UpdateItem on the stored lastSaveAt, no read on the save path.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/services/deps.ts';
import { createProgressRecorder, PROGRESS_EVERY_MS } from '../../functions/services/room-progress.ts';
import { storeUnits } from '../../functions/store/index.ts';
import type { Store } from '../../functions/store/types.ts';
import { testStore } from '../store/helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

/** N recorders over one store = N Lambda instances, each with its own throttle map, sharing one clock. */
const processes = (n: number) => {
  let now = 1_800_000_000_000;
  const deps = { store, clock: () => now } as unknown as Deps;
  return {
    recorders: Array.from({ length: n }, () => createProgressRecorder(deps)),
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
};

describe('progress writes across processes', () => {
  it('a second process within 60 s is refused by the condition (and swallowed); the stored value stays; no reads', async () => {
    const meta = { sessionId: 'S1', regNo: 'R-0001', attemptId: 'a1', startedAt: 0 };
    const { recorders, advance, now } = processes(2);
    const [p1, p2] = recorders as [
      ReturnType<typeof createProgressRecorder>,
      ReturnType<typeof createProgressRecorder>,
    ];
    const before = storeUnits.snapshot();
    expect(await p1.maybeRecord(meta, 3)).toBe(true);
    const first = now();
    advance(5_000);
    expect(await p2.maybeRecord(meta, 4)).toBe(false); // condition failed: another process wrote 5 s ago
    advance(5_000);
    expect(await p2.maybeRecord(meta, 5)).toBe(false); // its own map: no request at all
    expect(await p1.maybeRecord(meta, 5)).toBe(false); // likewise
    let stored = (await store.room.listProgress('S1')).find((p) => p.regNo === 'R-0001');
    expect(stored).toMatchObject({ answered: 3, lastSaveAt: first, attemptId: 'a1' });
    advance(PROGRESS_EVERY_MS);
    expect(await p2.maybeRecord(meta, 9)).toBe(true);
    stored = (await store.room.listProgress('S1')).find((p) => p.regNo === 'R-0001');
    expect(stored).toMatchObject({ answered: 9, lastSaveAt: now() });
    const after = storeUnits.snapshot();
    // 3 UpdateItem requests (2 written, 1 refused by its condition), 0 reads besides the two checks above (2 queries)
    expect(after.writes - before.writes).toBe(3);
    expect(after.reads - before.reads).toBe(2);
  });

  it("writes nothing in the attempt's first 60 s (the start spike's minute), then the first save after it", async () => {
    const { recorders, advance, now } = processes(2);
    const [p1, p2] = recorders as [
      ReturnType<typeof createProgressRecorder>,
      ReturnType<typeof createProgressRecorder>,
    ];
    const meta = { sessionId: 'S-first', regNo: 'R-0003', attemptId: 'a3', startedAt: now() };
    const before = storeUnits.snapshot();
    expect(await p1.maybeRecord(meta, 1)).toBe(false);
    advance(PROGRESS_EVERY_MS - 1);
    expect(await p2.maybeRecord(meta, 7)).toBe(false);
    expect(storeUnits.snapshot().writes - before.writes).toBe(0); // no request at all
    expect(await store.room.listProgress('S-first')).toEqual([]);
    advance(1);
    expect(await p1.maybeRecord(meta, 8)).toBe(true);
    expect((await store.room.listProgress('S-first'))[0]).toMatchObject({ answered: 8, lastSaveAt: now() });
  });

  it.each([
    [1, 5_000],
    [4, 5_000],
    [16, 2_000],
  ])(
    '%i processes, one save every %i ms for 5 minutes: ≤ 1 stored write per 60 s, requests bounded per process',
    async (n, every) => {
      const meta = { sessionId: `S-${n}-${every}`, regNo: 'R-0002', attemptId: 'a2', startedAt: 0 };
      const { recorders, advance } = processes(n);
      let written = 0;
      let requests = 0;
      const before = storeUnits.snapshot();
      for (let t = 0, i = 0; t < 300_000; t += every, i++) {
        // saves land on the processes in turn (a load balancer's round robin)
        const w0 = storeUnits.snapshot().writes;
        if (await (recorders[i % n] as ReturnType<typeof createProgressRecorder>).maybeRecord(meta, i))
          written++;
        requests += storeUnits.snapshot().writes - w0;
        advance(every);
      }
      expect(written).toBeLessThanOrEqual(300_000 / PROGRESS_EVERY_MS);
      // and the room still sees progress: a gap is at most the throttle plus one round of the processes
      expect(written).toBeGreaterThanOrEqual(Math.floor(300_000 / (PROGRESS_EVERY_MS + n * every)));
      // each process tries at most once per 60 s; none of it is a read
      expect(requests).toBeLessThanOrEqual(n * Math.ceil(300_000 / PROGRESS_EVERY_MS));
      expect(storeUnits.snapshot().reads - before.reads).toBe(0);
      console.info(
        `${n} processes, a save every ${every} ms: ${written} stored writes, ${requests} requests in 5 min`,
      );
    },
  );
});
