// `npm run bench:lambda`: Lambda bundle sizes and cold-start init; writes docs/benchmarks-lambda.{json,md}.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { repoRoot } from '../../infra/constructs/api-function.ts';
import { measureLambdaBundles, renderLambdaSection } from './lambda-bundles.ts';

const figures = await measureLambdaBundles(5, (l) => console.log(`[bench] ${l}`));
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
writeFileSync(`${repoRoot}docs/benchmarks-lambda.json`, `${JSON.stringify({ date, ...figures }, null, 2)}\n`);
writeFileSync(
  `${repoRoot}docs/benchmarks-lambda.md`,
  `# Benchmarks: Lambda\n\n${renderLambdaSection(figures, date)}`,
);
spawnSync(`${repoRoot}node_modules/.bin/biome`, ['format', '--write', 'docs/benchmarks-lambda.md'], {
  cwd: repoRoot,
});
console.log(renderLambdaSection(figures, date));
