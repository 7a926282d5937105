// Norms: a norm group per scale (from candidates' scores or an imported table) -> z, T, percentile, category.
import { DomainError } from '../errors.ts';

export interface ScaleNorm {
  mean: number;
  /** Standard deviation (sample, n − 1), > 0. */
  sd: number;
  /** Size of the norm group; an imported table may not say (null). */
  n: number | null;
  /** An imported table's percentile points (raw score at percentile P), P increasing: percentiles come from these. */
  points?: PercentilePoint[];
}

export interface PercentilePoint {
  percentile: number;
  raw: number;
}

/** A norm table: scale name (e.g. "extraversion", "panker") -> its norm. */
export interface NormTable {
  id: string;
  /** Who the norm group is, e.g. "all candidates of exam X" or the source of an imported table. */
  description: string;
  scales: Record<string, ScaleNorm>;
}

/** Category cut-offs on the T scale: T < lowBelow -> low, T > highAbove -> high, else average. */
export interface Cutoffs {
  lowBelow: number;
  highAbove: number;
}

/** Default cut-offs: one SD either side of the mean (T 40 and 60). */
export const DEFAULT_CUTOFFS: Cutoffs = { lowBelow: 40, highAbove: 60 };

export type Category = 'low' | 'average' | 'high';

export interface NormedScore {
  raw: number;
  z: number;
  t: number;
  percentile: number;
  category: Category;
}

/** Norm of one scale from a group's raw scores: mean and sample SD. Fewer than 2 scores or SD 0 -> VALIDATION. */
export function normFromScores(scores: readonly number[]): ScaleNorm {
  const n = scores.length;
  if (n < 2) throw new DomainError('VALIDATION', `a norm group needs at least 2 scores, got ${n}`);
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  if (!(sd > 0)) throw new DomainError('VALIDATION', 'a norm group with no spread (SD 0) cannot norm scores');
  return { mean, sd, n };
}

/** Why a scale of an imported table is refused, or null when it is sound. */
export function scaleNormProblem(s: ScaleNorm): string | null {
  if (!Number.isFinite(s.mean)) return 'mean must be a number';
  if (!(Number.isFinite(s.sd) && s.sd > 0)) return 'sd must be > 0';
  if (s.n !== null && !(Number.isInteger(s.n) && s.n >= 2)) return 'n must be an integer ≥ 2 when given';
  const pts = s.points ?? [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i] as PercentilePoint;
    if (!(p.percentile > 0 && p.percentile < 100) || !Number.isFinite(p.raw))
      return 'percentile points need 0 < P < 100 and a number';
    const prev = pts[i - 1];
    if (prev && !(p.percentile > prev.percentile && p.raw >= prev.raw))
      return 'percentile points must rise in P and not fall in raw score';
  }
  if (pts.length === 1) return 'give at least 2 percentile points, or none';
  return null;
}

/** Checks an imported table: every scale sound (scaleNormProblem); cut-offs low ≤ high. */
export function checkNormTable(table: NormTable, cutoffs: Cutoffs = DEFAULT_CUTOFFS): void {
  for (const [scale, s] of Object.entries(table.scales)) {
    const problem = scaleNormProblem(s);
    if (problem) throw new DomainError('VALIDATION', `norm table ${table.id}: scale ${scale}: ${problem}`);
  }
  checkCutoffs(cutoffs);
}

/** Cut-offs are T scores with lowBelow ≤ highAbove, both finite. */
export function checkCutoffs(cutoffs: Cutoffs): void {
  if (
    !(Number.isFinite(cutoffs.lowBelow) && Number.isFinite(cutoffs.highAbove)) ||
    !(cutoffs.lowBelow <= cutoffs.highAbove)
  )
    throw new DomainError('VALIDATION', 'cut-offs: lowBelow must not exceed highAbove', undefined, {
      key: 'VALIDATION.cutoffs',
    });
}

/**
 * Percentile of `raw` from a table's points (P increasing, raw not falling): linear interpolation between
 * the two points around it; at or beyond the outer points the outer point's P (the table knows no more).
 * Points with equal raw scores: the highest P among them.
 */
export function percentileFromPoints(raw: number, points: readonly PercentilePoint[]): number {
  const first = points[0] as PercentilePoint;
  const last = points[points.length - 1] as PercentilePoint;
  if (raw < first.raw) return first.percentile;
  if (raw >= last.raw) return last.percentile;
  for (let i = points.length - 1; i > 0; i--) {
    const lo = points[i - 1] as PercentilePoint;
    const hi = points[i] as PercentilePoint;
    if (raw >= lo.raw && raw < hi.raw)
      return lo.percentile + ((raw - lo.raw) / (hi.raw - lo.raw)) * (hi.percentile - lo.percentile);
  }
  return first.percentile;
}

/**
 * Standard normal CDF Φ(z) via erf, Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7):
 * erf(x) ≈ 1 − (a1·t + a2·t² + a3·t³ + a4·t⁴ + a5·t⁵)·e^(−x²), t = 1 / (1 + p·x), x ≥ 0.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function categoryOf(t: number, cutoffs: Cutoffs = DEFAULT_CUTOFFS): Category {
  if (t < cutoffs.lowBelow) return 'low';
  if (t > cutoffs.highAbove) return 'high';
  return 'average';
}

/**
 * z = (raw − mean) / sd; T = 50 + 10z; percentile from the norm's percentile points when it has them
 * (percentileFromPoints), else 100·Φ(z) (normal approximation); category from T.
 */
export function normScore(raw: number, norm: ScaleNorm, cutoffs: Cutoffs = DEFAULT_CUTOFFS): NormedScore {
  if (!(norm.sd > 0)) throw new DomainError('VALIDATION', 'norm sd must be > 0');
  const z = (raw - norm.mean) / norm.sd;
  const t = 50 + 10 * z;
  const percentile =
    norm.points && norm.points.length >= 2 ? percentileFromPoints(raw, norm.points) : 100 * normalCdf(z);
  return { raw, z, t, percentile, category: categoryOf(t, cutoffs) };
}
