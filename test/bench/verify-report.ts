// Section 7 of docs/benchmarks.md: the offline verifier figure (from docs/benchmarks-verify.json).
export interface VerifyBench {
  date: string;
  cpu: string;
  node: string;
  candidates: number;
  steps: number;
  bundleMB: number;
  runs: number;
  medianS: number;
  minS: number;
  maxS: number;
  goalS: number;
  /** 1-minute load average at the start and end of the runs (the machine is shared). */
  loadAverage?: [number, number];
  /** Free text on the conditions of a run recorded by hand. */
  note?: string;
}

const n = (x: number) => x.toLocaleString('en-US');

export const renderVerifySection = (b: VerifyBench): string => `## 7. Offline verifier

\`npm run bench:verify\` (test/bench/verify-bench.ts, ${b.date}, ${b.cpu}, Node ${b.node}): \`verifyBundle\`
(what \`npm run verify\` runs) over a synthetic public bundle of ${n(b.candidates)} SKD candidates (110 items
each, ${n(b.steps)} steps, ${b.bundleMB} MB of JSON, 20 formations) held in memory: seeds, forms, replay,
scores, receipts, ${n(b.candidates + 1)} Ed25519 signatures, re-ranking, Merkle root and ${n(b.candidates)}
inclusion proofs, on one thread. Figures in [benchmarks-verify.json](benchmarks-verify.json).${
  b.loadAverage
    ? ` The machine was shared: 1-minute load average ${b.loadAverage[0]} at the start, ${b.loadAverage[1]} at the end (2 cores).`
    : ''
}${b.note ? ` ${b.note}` : ''}

| goal | median of ${b.runs} runs (min / max) | |
|---|---|---|
| verify ${n(b.candidates)} candidates in < ${b.goalS} s | **${b.medianS} s** (${b.minS} / ${b.maxS}) | ${b.medianS < b.goalS ? 'met' : '**missed**'} |

`;
