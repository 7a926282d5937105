// Latency statistics for the benchmark: exact percentiles from sorted raw samples (no sampling, no buckets).

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of ascending samples. */
const rank = (sorted: Float64Array, p: number): number => {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
};

const round = (x: number): number => Math.round(x * 100) / 100;

export const summarize = (samples: readonly number[]): LatencySummary => {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    count: sorted.length,
    p50: round(rank(sorted, 50)),
    p95: round(rank(sorted, 95)),
    p99: round(rank(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : 0),
    mean: round(sorted.length ? sum / sorted.length : 0),
  };
};

/** How many of `times` fall in each `bucketMs` slot from `t0` on (a phase's completions over time); none before t0. */
export const perBucket = (times: readonly number[], t0: number, bucketMs: number): number[] => {
  const counts: number[] = [];
  for (const t of times) {
    if (t < t0) continue;
    const k = Math.floor((t - t0) / bucketMs);
    while (counts.length <= k) counts.push(0);
    counts[k]!++;
  }
  return counts;
};
