// Combining benchmark repetitions: medians with spread, sums for failures, the median run's details.
import { describe, expect, it } from 'vitest';
import type { BenchFigures, BenchReport } from './harness.ts';
import { combineRuns, median, renderSpread } from './repeat.ts';

const run = (saturationRatio: number, openLoopP99Ms: number, errors: number): BenchReport =>
  ({
    seconds: 100,
    figures: { saturationRatio, openLoopP99Ms, errors, acknowledgedMissing: 0 } as unknown as BenchFigures,
  }) as BenchReport;

describe('benchmark repetitions', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (xs, m) => {
    expect(median(xs)).toBe(m);
  });

  it('takes each figure’s median, sums errors, and keeps the median run by saturation', () => {
    const runs = [run(0.6, 40, 0), run(0.3, 300, 2), run(0.45, 90, 1)];
    const { report, spread } = combineRuns(runs);
    expect(report.figures.saturationRatio).toBe(0.45);
    expect(report.figures.openLoopP99Ms).toBe(90);
    expect(report.figures.errors).toBe(3);
    expect(spread.openLoopP99Ms).toEqual({ median: 90, min: 40, max: 300, runs: [40, 300, 90] });
    expect(report.seconds).toBe(300);
    const costs = combineRuns(
      [0.0003732, 0.0003555, 0.0003523].map((c) => {
        const r = run(0.4, 50, 0);
        return { ...r, figures: { ...r.figures, costPerCandidateExamUsd: c } };
      }),
    );
    expect(costs.report.figures.costPerCandidateExamUsd).toBe(0.0003555);
    expect(renderSpread(spread)).toContain('| open-loop p99 ms | **90** | 40 | 300 | 40 / 300 / 90 |');
  });
});
