// `npm run bench:verify`: the offline verifier on a synthetic 10,000-candidate SKD bundle (with its final SKB ranking), median of 3 runs in
// each mode: the CLI's default (attempts on one worker thread per core) and one thread. Each run records wall
// and CPU seconds (all threads) and the 1-minute load average, so a run on a loaded machine can be read.
// Writes docs/benchmarks-verify.json; report.ts renders it as section 7 of docs/benchmarks.md (patched here too).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { inWorkers } from '../../functions/cli/verify.ts';
import { skdPreset } from '../../functions/domain/presets.ts';
import { type VerifyOptions, verifyBundle } from '../../functions/domain/verify.ts';
import { syntheticBank } from '../domain/fixtures.ts';
import { syntheticBundle } from '../fixtures/audit-bundle.ts';
import { renderVerifySection, type VerifyBench, type VerifyRun } from './verify-report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const candidates = Number(process.env.VERIFY_CANDIDATES ?? 10_000);
const runs = Number(process.env.VERIFY_RUNS ?? 3);
const jobs = cpus().length;

// Every candidate passes (random answers meet no real passing grade), so 3 × 5 per formation advance to SKB.
const exam = skdPreset({
  id: 'skd-bench',
  bankId: 'skd',
  passingGrades: [{ formationType: 'umum', label: 'Umum', sections: { TWK: 0 } }],
});
const bank = syntheticBank('skd', { TWK: 60, TIU: 70, TKP: 90 });
const formations = Array.from({ length: 20 }, (_, i) => ({
  id: `F${String(i).padStart(2, '0')}`,
  formationType: 'umum',
  openings: 5,
}));
const t0 = performance.now();
// With the final (SKB) ranking: every advancing candidate has an SKB score (60.0 … 99.9).
const { files, final } = syntheticBundle({
  exam,
  bank,
  candidates,
  formations,
  skb: { score: (regNo) => 60 + (Number(regNo.slice(-3)) % 400) / 10 },
});
const buildS = (performance.now() - t0) / 1000;
const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(
  `[verify-bench] bundle: ${candidates} candidates, ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB, built in ${buildS.toFixed(1)} s`,
);

const round = (x: number) => Math.round(x * 100) / 100;
const reader = { read: (p: string) => files.get(p) };
let steps = 0;

/** One verification: wall and CPU seconds (process.cpuUsage counts every thread), load before and after. */
async function once(label: string, opts: VerifyOptions): Promise<VerifyRun> {
  const load0 = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const r = await verifyBundle(reader, opts);
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  steps = r.counts.steps;
  if (r.mismatches.length > 0 || r.counts.attempts !== candidates)
    throw new Error(`mismatches in a faithful bundle: ${JSON.stringify(r.mismatches.slice(0, 3))}`);
  const run: VerifyRun = {
    wallS: round(wallS),
    cpuS: round((cpu.user + cpu.system) / 1e6),
    load: [round(load0), round(loadavg()[0] ?? 0)],
  };
  console.log(
    `[verify-bench] ${label}: ${run.wallS} s wall, ${run.cpuS} s CPU, load ${run.load.join(' -> ')}, ${r.counts.attempts} attempts, ${steps} steps`,
  );
  return run;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const parallel: VerifyRun[] = [];
const single: VerifyRun[] = [];
for (let i = 0; i < runs; i++) {
  // Alternate the modes so both see the same load.
  parallel.push(await once(`run ${i + 1}, ${jobs} workers`, { delegate: inWorkers(reader, jobs, () => {}) }));
  single.push(await once(`run ${i + 1}, one thread`, {}));
}
const walls = parallel.map((r) => r.wallS);
const bench: VerifyBench = {
  date: new Date().toISOString(),
  cpu: `${cpus()[0]?.model ?? 'unknown'}, ${jobs} cores`,
  node: process.version,
  candidates,
  steps,
  bundleMB: round(bytes / 1e6),
  finalRows: final?.publication.document.rows.length ?? 0,
  runs,
  jobs,
  medianS: median(walls),
  minS: Math.min(...walls),
  maxS: Math.max(...walls),
  cpuMedianS: median(parallel.map((r) => r.cpuS)),
  singleThread: {
    medianS: median(single.map((r) => r.wallS)),
    minS: Math.min(...single.map((r) => r.wallS)),
    maxS: Math.max(...single.map((r) => r.wallS)),
    cpuMedianS: median(single.map((r) => r.cpuS)),
    runs: single,
  },
  parallelRuns: parallel,
  goalS: 30,
  loadAverage: [parallel[0]?.load[0] ?? 0, single.at(-1)?.load[1] ?? 0],
};
writeFileSync(`${root}docs/benchmarks-verify.json`, `${JSON.stringify(bench, null, 2)}\n`);
const md = `${root}docs/benchmarks.md`;
if (existsSync(md)) {
  const text = readFileSync(md, 'utf8');
  const section = renderVerifySection(bench);
  const start = text.indexOf('## 7. Offline verifier');
  const notes = text.indexOf('## Notes');
  const next =
    start >= 0
      ? text.slice(0, start) + section + text.slice(notes >= 0 ? notes : text.length)
      : notes >= 0
        ? text.slice(0, notes) + section + text.slice(notes)
        : `${text}\n${section}`;
  writeFileSync(md, next);
  spawnSync(`${root}node_modules/.bin/biome`, ['format', '--write', 'docs/benchmarks.md'], { cwd: root });
}
console.log(
  `[verify-bench] ${jobs} workers: median ${bench.medianS} s wall (min ${bench.minS}, max ${bench.maxS}), ${bench.cpuMedianS} s CPU; one thread: median ${bench.singleThread?.medianS} s wall, ${bench.singleThread?.cpuMedianS} s CPU; wrote docs/benchmarks-verify.json`,
);
