// `npm run bench:sweep [attempts=10000]`: the sweep of one large session's end; writes docs/benchmarks-sweep.json.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureSweep, renderSweepSection } from './sweep-bench.ts';

const figures = await measureSweep(Number(process.argv[2] ?? 10_000));
if (process.env.BENCH_NO_WRITE !== '1')
  writeFileSync(
    fileURLToPath(new URL('../../docs/benchmarks-sweep.json', import.meta.url)),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
// The committed file must pass `biome check` (lint is part of npm test).
if (process.env.BENCH_NO_WRITE !== '1')
  spawnSync(fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url)), [
    'format',
    '--write',
    fileURLToPath(new URL('../../docs/benchmarks-sweep.json', import.meta.url)),
  ]);
console.log(JSON.stringify(figures));
console.log(renderSweepSection(figures));
