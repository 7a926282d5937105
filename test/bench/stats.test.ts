// Benchmark statistics: exact nearest-rank percentiles, and completions counted per time slot.
import { describe, expect, it } from 'vitest';
import { perBucket, summarize } from './stats.ts';

describe('summarize', () => {
  it.each([
    [[5, 1, 3, 2, 4], { count: 5, p50: 3, p95: 5, p99: 5, max: 5, mean: 3 }],
    [
      Array.from({ length: 100 }, (_, i) => i + 1),
      { count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 },
    ],
    [[], { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 }],
  ])('%j', (samples, want) => {
    expect(summarize(samples)).toEqual(want);
  });
});

describe('perBucket', () => {
  it.each([
    // t0 = 100, 500 ms slots: 100–599 → 0, 600–1099 → 1, 2100 → 4; before t0 is not counted
    [[100, 599, 600, 1099, 2100, 50], 100, 500, [2, 2, 0, 0, 1]],
    [[], 0, 500, []],
    [[0, 0, 0], 0, 1000, [3]],
  ])('%j from %d per %d ms', (times, t0, ms, want) => {
    expect(perBucket(times, t0, ms)).toEqual(want);
  });
});
