// Room monitor refresh cost at N candidates (default 1,000): store reads, read units and time per refresh of
// GET /api/admin/sessions/:id/room, on dynalite in this process. Not part of `npm run bench`'s headline figures.
// Usage: npx tsx test/bench/room-refresh.ts [candidates=1000] [refreshes=20]. Prints a Markdown table: the sorted
// route paged by offset (each page reads the whole room) and the console's regNo walk (each page reads its rows).
import { randomBytes } from 'node:crypto';
import { createApiApp } from '../../functions/api/app.ts';
import { startEmbeddedStore } from '../../functions/local/embedded-store.ts';
import { signToken } from '../../functions/services/auth/tokens.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import { createStore, storeUnits } from '../../functions/store/index.ts';
import { seedRoom } from '../fixtures/room.ts';

export interface RoomRefreshFigures {
  candidates: number;
  refreshes: number;
  how: RefreshHow;
  /** API requests (pages of ≤ 1,000 rows) per refresh. */
  pages: number;
  /** Store calls (GetItem / Query pages) per refresh. */
  readsPerRefresh: number;
  readUnitsPerRefresh: number;
  medianMs: number;
  maxMs: number;
  rows: number;
}

/** sorted: the sorted route paged by offset (every page reads the whole room); walk: the regNo pages. */
export type RefreshHow = 'sorted' | 'walk';

export const measureRoomRefresh = async (
  candidates: number,
  refreshes: number,
  how: RefreshHow = 'sorted',
): Promise<RoomRefreshFigures> =>
  (await measureRoomRefreshes(candidates, refreshes, [how]))[0] as RoomRefreshFigures;

/** One seeded room, measured each way in turn. */
export const measureRoomRefreshes = async (
  candidates: number,
  refreshes: number,
  hows: readonly RefreshHow[],
): Promise<RoomRefreshFigures[]> => {
  const embedded = await startEmbeddedStore();
  try {
    const store = createStore(embedded.config);
    await store.ensure();
    const config = defaultApiConfig({
      jwtSecret: randomBytes(32).toString('hex'),
      pinPepper: 'bench-room-pepper',
    });
    const now = Date.now();
    const { app } = createApiApp({
      store,
      config,
      // A fixed clock: the staff account's status (cached ≤ 5 s) is read by the warm-up only, not again by a
      // refresh that happens to outlast the cache on a loaded machine; the reads counted are the refresh's own.
      clock: () => now,
      randomHex: (n) => randomBytes(n).toString('hex'),
    });
    await seedRoom(store, {
      sessionId: 'ROOM-BENCH',
      examId: 'skd-demo',
      candidates,
      now,
      pinPepper: config.pinPepper,
    });
    // The auth middleware checks the account exists and is enabled: an admin with no usable password.
    await store.users.put({ id: 'admin', name: 'Admin', role: 'admin', passwordHash: 'none' });
    const token = await signToken(
      { role: 'admin', sub: 'admin', exp: Math.floor(now / 1000) + 3600 },
      config.jwtSecret,
    );
    const get = async (url: string) => {
      const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`room refresh: ${res.status} ${await res.text()}`);
      return (await res.json()) as { total: number; rows: unknown[]; next: string | null };
    };
    /** One refresh as `how` does it: its store reads, read units, time and pages. */
    const refresh = async (how: RefreshHow) => {
      const before = storeUnits.snapshot();
      const t0 = performance.now();
      let rows = 0;
      let pages = 0;
      if (how === 'sorted') {
        // The sorted route, pages of 1,000 by offset: each page reads the whole room.
        let total = Number.POSITIVE_INFINITY;
        while (rows < total) {
          const body = await get(`/api/admin/sessions/ROOM-BENCH/room?limit=1000&sort=state&offset=${rows}`);
          total = body.total;
          rows += body.rows.length;
          pages++;
          if (body.rows.length === 0) break;
        }
      } else {
        // The regNo walk (what the console does): each page reads its own rows.
        let next: string | null = null;
        do {
          const body = await get(
            `/api/admin/sessions/ROOM-BENCH/room/rows?limit=1000${next ? `&cursor=${next}` : ''}`,
          );
          rows += body.rows.length;
          next = body.next;
          pages++;
        } while (next);
      }
      const after = storeUnits.snapshot();
      return {
        ms: performance.now() - t0,
        reads: after.reads - before.reads,
        units: after.readUnits - before.readUnits,
        rows,
        pages,
      };
    };
    const figures: RoomRefreshFigures[] = [];
    for (const how of hows) {
      // Warm-up: the first request also reads the staff account (its status is cached ≤ 5 s per process).
      await refresh(how);
      const ms: number[] = [];
      let reads = 0;
      let units = 0;
      let rows = 0;
      let pages = 0;
      for (let i = 0; i < refreshes; i++) {
        const r = await refresh(how);
        ms.push(r.ms);
        reads += r.reads;
        units += r.units;
        rows = r.rows;
        pages = r.pages;
      }
      ms.sort((a, b) => a - b);
      figures.push({
        candidates,
        refreshes,
        how,
        pages,
        readsPerRefresh: reads / refreshes,
        readUnitsPerRefresh: units / refreshes,
        medianMs: ms[Math.floor(ms.length / 2)] as number,
        maxMs: ms.at(-1) as number,
        rows,
      });
    }
    return figures;
  } finally {
    await embedded.stop();
  }
};

if (process.argv[1]?.endsWith('room-refresh.ts')) {
  const n = Number(process.argv[2] ?? 1000);
  const k = Number(process.argv[3] ?? 20);
  const rows: string[] = [];
  for (const f of await measureRoomRefreshes(n, k, ['sorted', 'walk'])) {
    const how = f.how;
    rows.push(
      `| ${how === 'sorted' ? 'sorted route, offset pages' : 'regNo walk (console)'} | ${f.pages} | ${f.readsPerRefresh} | ${f.readUnitsPerRefresh.toFixed(1)} | ${f.medianMs.toFixed(1)} ms (${f.maxMs.toFixed(1)} ms) | ${f.rows} |`,
    );
  }
  console.log(`| room monitor refresh, ${n} candidates, ${k} refreshes | pages | store reads | read units | time, median (max) | rows |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`);
}
