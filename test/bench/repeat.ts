// Repetitions of the benchmark in one run: each headline figure as median with min and max, the median run's details.
import type { BenchFigures, BenchReport } from './harness.ts';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export type FigureSpread = Record<keyof BenchFigures, Spread>;

/** Middle value of a sorted copy (mean of the two middle values for an even count). */
export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Three decimals for figures ≥ 1, four significant digits below (costs are fractions of a cent). */
const round = (x: number): number =>
  Math.abs(x) >= 1 || x === 0 ? Math.round(x * 1000) / 1000 : Number(x.toPrecision(4));

/** Errors and missing acknowledged saves are summed over the runs (one lost save in any run is a failure). */
const SUMMED: ReadonlySet<keyof BenchFigures> = new Set(['errors', 'acknowledgedMissing']);

/**
 * Combines repetitions: every figure becomes its median (errors and acknowledged-missing: the sum), with min
 * and max beside it; the detailed sections come from the run whose saturation ratio is the median one.
 */
export const combineRuns = (
  reports: readonly BenchReport[],
): { report: BenchReport; spread: FigureSpread } => {
  if (reports.length === 0) throw new Error('no benchmark runs to combine');
  const keys = Object.keys(reports[0]!.figures) as (keyof BenchFigures)[];
  const spread = {} as FigureSpread;
  const figures = {} as BenchFigures;
  for (const k of keys) {
    const runs = reports.map((r) => r.figures[k]);
    const value = SUMMED.has(k) ? runs.reduce((a, b) => a + b, 0) : round(median(runs));
    spread[k] = { median: value, min: Math.min(...runs), max: Math.max(...runs), runs };
    figures[k] = value;
  }
  const bySaturation = [...reports].sort((a, b) => a.figures.saturationRatio - b.figures.saturationRatio);
  const middle = bySaturation[Math.floor((bySaturation.length - 1) / 2)]!;
  const seconds = reports.reduce((a, r) => a + r.seconds, 0);
  return { report: { ...middle, figures, seconds }, spread };
};

const LABELS: Record<keyof BenchFigures, string> = {
  ceilingPutsPerSec: '(a) store ceiling, puts/s (higher of the two below)',
  ceilingFreshPutsPerSec: '(a) on the fresh seeded table, puts/s',
  ceilingAfterSpikePutsPerSec: '(a) after the spike, puts/s',
  ceilingServerCpuUsPerPut: '(a) server CPU µs per put',
  sdkPutsPerSec: '(b) store client puts/s',
  bareHonoReqPerSec: '(c) bare Hono req/s',
  saturationSavesPerSec: 'saturation saves/s',
  saturationRatio: 'saturation ÷ (a)',
  openLoopRatePerSec: 'open-loop rate/s',
  openLoopP99Ms: 'open-loop p99 ms',
  openLoopFirstRoundP99Ms: 'open-loop p99 ms, first round (each candidate’s first save)',
  openLoopAfterFirstRoundP99Ms: 'open-loop p99 ms, after the first round',
  startSpikeCandidates: 'spike candidates',
  startSpikeSeconds: 'spike seconds',
  startSpikeRatio: 'starts/s ÷ (a)',
  serverCpuUsPerSave: 'server CPU µs per save',
  serverCpuUsPerStart: 'server CPU µs per start',
  errors: 'errors (sum)',
  acknowledgedMissing: 'acknowledged missing (sum)',
  costPerCandidateExamUsd: 'cost per candidate-exam USD',
  serverPeakRssMb: 'server peak RSS MB',
  othersCoresMax: 'other processes’ CPU, cores (most in any window)',
};

/** The repetitions table: median, min, max and every run's value per figure. */
export const renderSpread = (spread: FigureSpread): string => {
  const keys = Object.keys(spread) as (keyof BenchFigures)[];
  const n = spread[keys[0]!].runs.length;
  const rows = keys.map((k) => {
    const s = spread[k];
    return `| ${LABELS[k] ?? k} | **${s.median}** | ${s.min} | ${s.max} | ${s.runs.join(' / ')} |`;
  });
  return `## Repetitions

${n} repetitions in this run, each on a fresh server and data directory. Every headline figure above is the
median of the ${n} (errors and missing acknowledged saves: the sum); the detailed sections 1–6 show the run
whose saturation ratio is the median. Ratios are taken within each repetition, then their median.

| figure | median | min | max | runs |
|---|---|---|---|---|
${rows.join('\n')}
`;
};
