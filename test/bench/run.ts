// `npm run bench`: the exam-day benchmark on this machine; writes docs/benchmarks.md and docs/benchmarks.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FULL_RUN, runBench } from './harness.ts';
import { measureLambdaBundles, renderLambdaSection } from './lambda-bundles.ts';
import { combineRuns, renderSpread } from './repeat.ts';
import { writeReport } from './report.ts';
import { measureSweep, renderSweepSection } from './sweep-bench.ts';
import { renderVerifySection } from './verify-report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const notesFile = fileURLToPath(new URL('./notes.md', import.meta.url));
const profileDir = process.env.BENCH_PROFILE_DIR;
if (profileDir) mkdirSync(profileDir, { recursive: true });

/** Repetitions per run (BENCH_REPS, default 3): the committed figures are medians, never the best run. */
const reps = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const runs = [];
for (let i = 1; i <= reps; i++) {
  const log = (l: string) => console.log(`[bench ${i}/${reps}] ${l}`);
  runs.push(await runBench({ ...FULL_RUN, profileDir, log }));
}
const { report, spread } = combineRuns(runs);
// Measured once per run (not per repetition): the Lambda bundles' cold-start init and the sweep of a large
// session's end. BENCH_EXTRAS=0 skips both and keeps their last committed figures.
const extras = process.env.BENCH_EXTRAS !== '0';
const write = process.env.BENCH_NO_WRITE !== '1';
if (extras) {
  const lambda = await measureLambdaBundles(5, (l) => console.log(`[bench] ${l}`));
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  console.log(renderLambdaSection(lambda, date));
  if (write) {
    writeFileSync(`${root}docs/benchmarks-lambda.json`, `${JSON.stringify({ date, ...lambda }, null, 2)}\n`);
    // The same figures in bench:lambda's own file, so the two never disagree.
    writeFileSync(
      `${root}docs/benchmarks-lambda.md`,
      `# Benchmarks: Lambda\n\n${renderLambdaSection(lambda, date)}`,
    );
  }
  const attempts = Number(process.env.BENCH_SWEEP_ATTEMPTS ?? 10_000);
  console.log(`[bench] sweep: seeding a session of ${attempts} attempts…`);
  const sweep = await measureSweep(attempts);
  console.log(renderSweepSection(sweep));
  if (write) writeFileSync(`${root}docs/benchmarks-sweep.json`, `${JSON.stringify(sweep, null, 2)}\n`);
}
const verifyFile = `${root}docs/benchmarks-verify.json`;
// Section 7 (the offline verifier) is measured by `npm run bench:verify`; keep its last figures.
const verifySection = existsSync(verifyFile)
  ? renderVerifySection(JSON.parse(readFileSync(verifyFile, 'utf8')))
  : '';
// The Lambda section is measured by `npm run bench:lambda`; keep its last figures.
const lambdaFile = `${root}docs/benchmarks-lambda.json`;
const lambdaSection = existsSync(lambdaFile)
  ? (() => {
      const { date, ...figures } = JSON.parse(readFileSync(lambdaFile, 'utf8'));
      return `${renderLambdaSection(figures, date)}\n`;
    })()
  : '';
// Section 8 (the sweep) is measured above or by `npm run bench:sweep`; keep its last figures.
const sweepFile = `${root}docs/benchmarks-sweep.json`;
const sweepSection = existsSync(sweepFile)
  ? `${renderSweepSection(JSON.parse(readFileSync(sweepFile, 'utf8')))}\n`
  : '';
const notes =
  renderSpread(spread) +
  lambdaSection +
  sweepSection +
  verifySection +
  (existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '');
if (write) {
  writeReport(report, `${root}docs/benchmarks.md`, `${root}docs/benchmarks.json`, notes, spread);
  // Biome formats markdown tables; format the generated file so `npm run lint` stays clean.
  spawnSync(
    `${root}node_modules/.bin/biome`,
    ['format', '--write', 'docs/benchmarks.md', 'docs/benchmarks-lambda.md', 'docs/benchmarks-sweep.json'],
    { cwd: root },
  );
  console.log('[bench] wrote docs/benchmarks.md and docs/benchmarks.json');
}
console.log(JSON.stringify(report.figures, null, 2));
