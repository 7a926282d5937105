// Section 7 of docs/benchmarks.md: the offline verifier figure (from docs/benchmarks-verify.json).

/** One timed verification: wall and CPU seconds (every thread), 1-minute load average before and after. */
export interface VerifyRun {
  wallS: number;
  cpuS: number;
  load: [number, number];
}

export interface VerifyBench {
  date: string;
  cpu: string;
  node: string;
  candidates: number;
  steps: number;
  bundleMB: number;
  /** Rows of the bundle's final (SKB) ranking, re-derived and proven too. Absent in older files: none. */
  finalRows?: number;
  runs: number;
  /** Worker threads of the headline figure (the CLI's default: one per core). Absent in older files: one thread. */
  jobs?: number;
  medianS: number;
  minS: number;
  maxS: number;
  /** Median CPU seconds of the headline runs (all threads): what the work costs whatever the load. */
  cpuMedianS?: number;
  /** The same bundle on one thread (no workers), runs alternated with the headline ones. */
  singleThread?: { medianS: number; minS: number; maxS: number; cpuMedianS: number; runs: VerifyRun[] };
  parallelRuns?: VerifyRun[];
  goalS: number;
  /** 1-minute load average at the start and end of the runs (the machine is shared). */
  loadAverage?: [number, number];
  /** Free text on the conditions of a run recorded by hand. */
  note?: string;
}

const n = (x: number) => x.toLocaleString('en-US');

const runList = (rs: VerifyRun[] | undefined) =>
  (rs ?? []).map((r) => `${r.wallS} s (CPU ${r.cpuS} s, load ${r.load[0]}→${r.load[1]})`).join('; ');

export const renderVerifySection = (b: VerifyBench): string => `## 7. Offline verifier

\`npm run bench:verify\` (test/bench/verify-bench.ts, ${b.date}, ${b.cpu}, Node ${b.node}): \`verifyBundle\`
(what \`npm run verify\` runs) over a synthetic public bundle of ${n(b.candidates)} SKD candidates (110 items
each, ${n(b.steps)} steps, ${b.bundleMB} MB of JSON, 20 formations) held in memory: seeds, forms, replay,
scores, receipts, ${n(b.candidates + (b.finalRows === undefined ? 1 : 3))} Ed25519 signatures, re-ranking, Merkle root and ${n(b.candidates)}
inclusion proofs${
  b.finalRows
    ? `, and the final (SKB) ranking of its ${n(b.finalRows)} advancing candidates (signed SKB scores, rows re-derived, Merkle root, proofs)`
    : ''
}, ${
  b.jobs && b.jobs > 1
    ? `the attempts on ${b.jobs} worker threads (the CLI's default from 2,000 attempts)`
    : 'on one thread'
}. Figures in [benchmarks-verify.json](benchmarks-verify.json).${
  b.loadAverage
    ? ` The machine was shared: 1-minute load average ${b.loadAverage[0]} at the start, ${b.loadAverage[1]} at the end (2 cores); CPU seconds do not grow with the load the way wall seconds do.`
    : ''
}${b.note ? ` ${b.note}` : ''}

| goal | median of ${b.runs} runs (min / max) | CPU s (median) | |
|---|---|---|---|
| verify ${n(b.candidates)} candidates in < ${b.goalS} s${b.jobs && b.jobs > 1 ? ` (${b.jobs} workers)` : ''} | **${b.medianS} s** (${b.minS} / ${b.maxS}) | ${b.cpuMedianS ?? '–'} | ${b.medianS < b.goalS ? 'met' : '**missed**'} |
${
  b.singleThread
    ? `| the same on one thread | ${b.singleThread.medianS} s (${b.singleThread.minS} / ${b.singleThread.maxS}) | ${b.singleThread.cpuMedianS} | |
`
    : ''
}${
  b.parallelRuns
    ? `
Each run (wall, CPU, load before→after): workers ${runList(b.parallelRuns)}; one thread ${runList(b.singleThread?.runs)}.
`
    : ''
}
`;
