// Candidate CSV import benchmark: 10,000 rows through POST /api/admin/candidates/import (in-process Hono,
// dynalite on its worker thread: the `npm start` store layout), several runs, median / min / max.
// Usage: npx tsx test/bench/candidate-import.ts [rows=10000] [runs=3]. Prints a Markdown table.
import { cpus } from 'node:os';
import { startAdminApp } from './admin-app.ts';

const rows = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);

const { embedded, store, app, token } = await startAdminApp();
await store.formations.putMany(
  Array.from({ length: 50 }, (_, i) => ({
    id: `F-${String(i).padStart(3, '0')}`,
    position: `Jabatan ${i}`,
    agencyUnit: `Unit ${i % 7}`,
    openings: 1 + (i % 5),
    formationType: 'umum',
  })),
);

/** A `;` file with BOM as Excel in Indonesia writes it; `run` changes every name so each run is a new import. */
const file = (run: number): string =>
  `\uFEFFno_peserta;nama;tanggal_lahir;formasi;pendidikan;tambahan_waktu\n${Array.from(
    { length: rows },
    (_, i) =>
      `${String(2026_0000_0000 + i)};"Peserta ${run}-${i} ""Nama""";${(i % 28) + 1}/0${(i % 9) + 1}/199${i % 10};F-${String(i % 50).padStart(3, '0')};S1;${i % 97 === 0 ? 30 : ''}`,
  ).join('\n')}\n`;

const post = async (body: string) => {
  const t0 = performance.now();
  const res = await app.request('/api/admin/candidates/import', {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
  });
  const json = (await res.json()) as { report?: { rows: number; changed: boolean } };
  const ms = performance.now() - t0;
  if (res.status !== 200 || json.report?.rows !== rows)
    throw new Error(`import failed: ${JSON.stringify(json).slice(0, 500)}`);
  return { ms, changed: json.report.changed };
};

const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const { ms, changed } = await post(file(r));
  if (!changed) throw new Error('expected a new import');
  times.push(ms);
  console.error(`run ${r + 1}: ${(ms / 1000).toFixed(2)} s`);
}
const again = await post(file(runs - 1));
if (again.changed) throw new Error('the same file twice must be a no-op');
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`| | |
|---|---|
| date | ${new Date().toISOString()} |
| CPU | ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${cpus().length} cores |
| Node | ${process.version} |
| command | \`npx tsx test/bench/candidate-import.ts ${rows} ${runs}\` |
| file | ${rows.toLocaleString('en')} rows, \`;\`, UTF-8 with BOM, ${(Buffer.byteLength(file(0)) / 1024).toFixed(0)} KB |
| import time, median of ${runs} (min / max) | **${s(median)}** (${s(sorted[0] ?? 0)} / ${s(sorted.at(-1) ?? 0)}) |
| rows/s at the median | ${Math.round(rows / (median / 1000)).toLocaleString('en')} |
| the same file again (no-op) | ${s(again.ms)} |
| goal < 10 s | ${median < 10_000 ? 'met' : '**missed**'} |`);
await embedded.stop();
