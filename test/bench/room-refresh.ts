// Room monitor refresh cost at N candidates (default 1,000): store reads, read units and time per refresh of
// GET /api/admin/sessions/:id/room, on dynalite in this process. Not part of `npm run bench`'s headline figures.
// Usage: npx tsx test/bench/room-refresh.ts [candidates=1000] [refreshes=20]. Prints a Markdown table.
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
  /** Store calls (GetItem / Query pages) per refresh. */
  readsPerRefresh: number;
  readUnitsPerRefresh: number;
  medianMs: number;
  maxMs: number;
  rows: number;
}

export const measureRoomRefresh = async (
  candidates: number,
  refreshes: number,
): Promise<RoomRefreshFigures> => {
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
      clock: Date.now,
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
    const url = `/api/admin/sessions/ROOM-BENCH/room?limit=1000&sort=state`;
    // Warm-up: the first request also reads the staff account (its status is cached ≤ 5 s per process).
    await app.request(url, { headers: { authorization: `Bearer ${token}` } });
    const ms: number[] = [];
    let reads = 0;
    let units = 0;
    let rows = 0;
    for (let i = 0; i < refreshes; i++) {
      const before = storeUnits.snapshot();
      const t0 = performance.now();
      const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`room refresh: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { total: number };
      ms.push(performance.now() - t0);
      const after = storeUnits.snapshot();
      reads += after.reads - before.reads;
      units += after.readUnits - before.readUnits;
      rows = body.total;
    }
    ms.sort((a, b) => a - b);
    return {
      candidates,
      refreshes,
      readsPerRefresh: reads / refreshes,
      readUnitsPerRefresh: units / refreshes,
      medianMs: ms[Math.floor(ms.length / 2)] as number,
      maxMs: ms.at(-1) as number,
      rows,
    };
  } finally {
    await embedded.stop();
  }
};

if (process.argv[1]?.endsWith('room-refresh.ts')) {
  const f = await measureRoomRefresh(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 20));
  console.log(`| room monitor refresh (${f.candidates} candidates, ${f.refreshes} refreshes) | |
| --- | --- |
| store reads per refresh | ${f.readsPerRefresh} |
| read units per refresh | ${f.readUnitsPerRefresh.toFixed(1)} |
| time per refresh, median (max) | ${f.medianMs.toFixed(1)} ms (${f.maxMs.toFixed(1)} ms) |
| rows | ${f.rows} |`);
}
