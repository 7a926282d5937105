// Norms: a norm group per scale (from candidates' scores or an imported table) -> z, T, percentile, category.
import { DomainError } from '../errors.ts';

export interface ScaleNorm {
  mean: number;
  /** Standard deviation (sample, n − 1), > 0. */
  sd: number;
  n: number;
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

/** Checks an imported table: every scale has finite mean, sd > 0 and integer n ≥ 2; cut-offs low ≤ high. */
export function checkNormTable(table: NormTable, cutoffs: Cutoffs = DEFAULT_CUTOFFS): void {
  for (const [scale, s] of Object.entries(table.scales)) {
    if (!Number.isFinite(s.mean) || !(Number.isFinite(s.sd) && s.sd > 0) || !Number.isInteger(s.n) || s.n < 2)
      throw new DomainError(
        'VALIDATION',
        `norm table ${table.id}: scale ${scale} needs a finite mean, sd > 0, n ≥ 2`,
      );
  }
  if (!(cutoffs.lowBelow <= cutoffs.highAbove))
    throw new DomainError('VALIDATION', 'cut-offs: lowBelow must not exceed highAbove');
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

/** z = (raw − mean) / sd; T = 50 + 10z; percentile = 100·Φ(z) (normal approximation); category from T. */
export function normScore(raw: number, norm: ScaleNorm, cutoffs: Cutoffs = DEFAULT_CUTOFFS): NormedScore {
  if (!(norm.sd > 0)) throw new DomainError('VALIDATION', 'norm sd must be > 0');
  const z = (raw - norm.mean) / norm.sd;
  const t = 50 + 10 * z;
  return { raw, z, t, percentile: 100 * normalCdf(z), category: categoryOf(t, cutoffs) };
}
