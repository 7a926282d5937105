// Candidate list paging at 10,000 rows: store reads, read units and time per page of GET /api/admin/candidates
// (in-process Hono, dynalite on its worker thread), against reading the whole set as the list did before.
// Usage: npx tsx test/bench/candidate-list.ts [rows=10000] [pageSize=50] [repeats=20]. Prints a Markdown table.
import type { CandidateRecord } from '../../functions/domain/registry.ts';
import { DEFAULT_CHUNK_ROWS } from '../../functions/services/candidate-list.ts';
import { storeUnits } from '../../functions/store/index.ts';
import { startAdminApp } from './admin-app.ts';

const rows = Number(process.argv[2] ?? 10_000);
const pageSize = Number(process.argv[3] ?? 50);
const repeats = Number(process.argv[4] ?? 20);

const { embedded, store, app, token } = await startAdminApp();

// The set as an import stores it (rows in regNo order, DEFAULT_CHUNK_ROWS per chunk, pointer last).
const importId = 'c'.repeat(24);
const all: CandidateRecord[] = Array.from({ length: rows }, (_, i) => ({
  regNo: String(2026_0000_0000 + i),
  name: `Peserta ${i} "Nama"`,
  birthDate: '1995-03-01',
  formationId: `F-${String(i % 50).padStart(3, '0')}`,
  formationType: 'umum',
  education: 'S1',
  extraMinutes: i % 97 === 0 ? 30 : 0,
}));
const chunks = [];
for (let i = 0; i < all.length; i += DEFAULT_CHUNK_ROWS)
  chunks.push({ n: chunks.length, rows: all.slice(i, i + DEFAULT_CHUNK_ROWS) });
for (let i = 0; i < chunks.length; i += 5)
  await store.candidates.putImportChunks(importId, chunks.slice(i, i + 5));
await store.candidates.setPointer({
  importId,
  rows,
  fileHash: 'f'.repeat(64),
  at: Date.now(),
  by: 'admin',
  chunkRows: DEFAULT_CHUNK_ROWS,
});

const measure = async (what: () => Promise<unknown>) => {
  await what(); // warm-up (staff status cache, sockets)
  const ms: number[] = [];
  const before = storeUnits.snapshot();
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    await what();
    ms.push(performance.now() - t0);
  }
  const after = storeUnits.snapshot();
  ms.sort((a, b) => a - b);
  return {
    reads: (after.reads - before.reads) / repeats,
    units: (after.readUnits - before.readUnits) / repeats,
    median: ms[Math.floor(ms.length / 2)] ?? 0,
  };
};
const get = async (cursor?: string) => {
  const res = await app.request(
    `/api/admin/candidates?limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (res.status !== 200) throw new Error(`list: ${res.status} ${await res.text()}`);
  return (await res.json()) as { next: string | null; candidates: unknown[] };
};
// A cursor near the end: walk with the largest page, then page from there.
let cursor: string | undefined;
for (let p = 0; p < Math.floor((rows - pageSize) / 1000); p++) {
  const res = await app.request(`/api/admin/candidates?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  cursor = ((await res.json()) as { next: string }).next;
}
const first = await measure(() => get());
const late = await measure(() => get(cursor));
const whole = await measure(() =>
  Promise.all([store.candidates.listCurrent(), store.candidates.getPointer()]),
);
const row = (name: string, f: Awaited<ReturnType<typeof measure>>) =>
  `| ${name} | ${f.reads} | ${f.units.toFixed(1)} | ${f.median.toFixed(1)} ms |`;
console.log(`| ${rows.toLocaleString('en')} candidates, page of ${pageSize}, median of ${repeats} | store reads | read units | time |
| --- | --- | --- | --- |
${row('first page (no cursor)', first)}
${row('a page near the end (cursor)', late)}
${row('before: the whole set read for any page', whole)}`);
await embedded.stop();
