// `npm run bench:verify`: the offline verifier on a synthetic 10,000-candidate SKD bundle, median of 3 runs.
// Writes docs/benchmarks-verify.json; report.ts renders it as section 7 of docs/benchmarks.md (patched here too).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { skdPreset } from '../../functions/domain/presets.ts';
import { verifyBundle } from '../../functions/domain/verify.ts';
import { syntheticBank } from '../domain/fixtures.ts';
import { syntheticBundle } from '../fixtures/audit-bundle.ts';
import { renderVerifySection, type VerifyBench } from './verify-report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const candidates = Number(process.env.VERIFY_CANDIDATES ?? 10_000);
const runs = Number(process.env.VERIFY_RUNS ?? 3);

const exam = skdPreset({ id: 'skd-bench', bankId: 'skd' });
const bank = syntheticBank('skd', { TWK: 60, TIU: 70, TKP: 90 });
const formations = Array.from({ length: 20 }, (_, i) => ({
  id: `F${String(i).padStart(2, '0')}`,
  formationType: 'umum',
  openings: 5,
}));
const t0 = performance.now();
const { files } = syntheticBundle({ exam, bank, candidates, formations });
const buildS = (performance.now() - t0) / 1000;
const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(
  `[verify-bench] bundle: ${candidates} candidates, ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB, built in ${buildS.toFixed(1)} s`,
);

const loadStart = loadavg()[0] ?? 0;
const seconds: number[] = [];
let steps = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const r = await verifyBundle({ read: (p) => files.get(p) });
  seconds.push((performance.now() - start) / 1000);
  steps = r.counts.steps;
  if (r.mismatches.length > 0)
    throw new Error(`mismatches in a faithful bundle: ${JSON.stringify(r.mismatches.slice(0, 3))}`);
  console.log(
    `[verify-bench] run ${i + 1}: ${seconds.at(-1)?.toFixed(2)} s, ${r.counts.attempts} attempts, ${steps} steps`,
  );
}
const sorted = seconds.slice().sort((a, b) => a - b);
const round = (x: number) => Math.round(x * 100) / 100;
const bench: VerifyBench = {
  date: new Date().toISOString(),
  cpu: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
  node: process.version,
  candidates,
  steps,
  bundleMB: round(bytes / 1e6),
  runs,
  medianS: round(sorted[Math.floor(sorted.length / 2)] as number),
  minS: round(sorted[0] as number),
  maxS: round(sorted.at(-1) as number),
  goalS: 30,
  loadAverage: [round(loadStart), round(loadavg()[0] ?? 0)],
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
  `[verify-bench] median ${bench.medianS} s (min ${bench.minS}, max ${bench.maxS}); wrote docs/benchmarks-verify.json`,
);
