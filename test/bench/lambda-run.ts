// `npm run bench:lambda`: Lambda bundle sizes, cold-start init, first request; writes docs/benchmarks-lambda.{json,md}.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { repoRoot } from '../../infra/constructs/api-function.ts';
import { measureLambdaBundles, renderLambdaSection } from './lambda-bundles.ts';

const figures = await measureLambdaBundles(5, (l) => console.log(`[bench] ${l}`));
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
// BENCH_NO_WRITE=1: print only (A/B runs while working; the committed figures come from the lead's full run).
if (process.env.BENCH_NO_WRITE !== '1') {
  writeFileSync(
    `${repoRoot}docs/benchmarks-lambda.json`,
    `${JSON.stringify({ date, ...figures }, null, 2)}\n`,
  );
  writeFileSync(
    `${repoRoot}docs/benchmarks-lambda.md`,
    `# Benchmarks: Lambda\n\n${renderLambdaSection(figures, date)}`,
  );
  spawnSync(`${repoRoot}node_modules/.bin/biome`, ['format', '--write', 'docs/benchmarks-lambda.md'], {
    cwd: repoRoot,
  });
}
console.log(renderLambdaSection(figures, date));
