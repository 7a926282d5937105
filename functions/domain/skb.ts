// SKB integration: SKB score from its components (weights in %), final = SKD share + SKB share, in exact
// integer thousandths (milli-points) so every verifier in any language gets the same number.
import { DomainError } from './errors.ts';

/** Component weights in whole percent, summing to 100 (BKN practice: computer test 50, interview 30, other 20). */
export const DEFAULT_SKB_COMPONENT_WEIGHTS: Readonly<Record<string, number>> = {
  CAT: 50,
  WAWANCARA: 30,
  LAINNYA: 20,
};

/** final = SKD / skdMax × 100 × skd% + SKB × skb% (default 40 / 60, SKD max 550). */
export interface FinalWeights {
  skd: number;
  skb: number;
  skdMax: number;
}
export const DEFAULT_FINAL_WEIGHTS: Readonly<FinalWeights> = { skd: 40, skb: 60, skdMax: 550 };

/** Tie-breaks of the final ranking after `final` (configurable): SKD total, TKP, TIU, TWK. */
export const DEFAULT_FINAL_ORDER: readonly string[] = ['final', 'total', 'TKP', 'TIU', 'TWK'];

/** round(n / d) with halves rounded up, for integers n >= 0, d > 0 (exact: no floating point). */
export const roundDiv = (n: number, d: number): number => Math.floor((2 * n + d) / (2 * d));

/** A score with at most 3 decimals in [0, 100] -> integer thousandths; anything else -> VALIDATION. */
export function toMilli(score: number, what: string): number {
  const m = Math.round(score * 1000);
  if (!Number.isFinite(score) || score < 0 || score > 100 || Math.abs(m - score * 1000) > 1e-6)
    throw new DomainError('VALIDATION', `${what} must be 0..100 with at most 3 decimals, got ${score}`);
  return m;
}

const checkPercents = (weights: Readonly<Record<string, number>>, what: string): void => {
  const values = Object.values(weights);
  if (values.some((w) => !Number.isSafeInteger(w) || w < 0) || values.reduce((a, b) => a + b, 0) !== 100)
    throw new DomainError('VALIDATION', `${what} must be whole percents summing to 100`);
};

/**
 * SKB in thousandths from components (each 0..100, <= 3 decimals): round_half_up(Σ milli_c × w_c / 100).
 * Every component with a weight above 0 must be present (a 0-weight one, e.g. PSIKOTES by default, may be
 * absent); components without a weight -> VALIDATION.
 */
export function skbMilliFromComponents(
  components: Readonly<Record<string, number>>,
  weights: Readonly<Record<string, number>> = DEFAULT_SKB_COMPONENT_WEIGHTS,
): number {
  checkPercents(weights, 'SKB component weights');
  let sum = 0;
  for (const [name, w] of Object.entries(weights)) {
    const v = components[name];
    if (v === undefined && w === 0) continue;
    if (v === undefined) throw new DomainError('VALIDATION', `SKB component ${name} missing`);
    sum += toMilli(v, `SKB component ${name}`) * w;
  }
  for (const name of Object.keys(components))
    if (weights[name] === undefined)
      throw new DomainError('VALIDATION', `SKB component ${name} has no weight`);
  return roundDiv(sum, 100);
}

/**
 * Final score in thousandths: round_half_up((SKD × skd% × 1000 × 100 + skbMilli × skb% × skdMax) / (skdMax × 100)),
 * i.e. SKD / skdMax × 100 × skd% + SKB × skb%, exactly, rounded once at the end.
 */
export function finalMilli(
  skdTotal: number,
  skbMilli: number,
  w: Readonly<FinalWeights> = DEFAULT_FINAL_WEIGHTS,
): number {
  if (!Number.isSafeInteger(skdTotal) || skdTotal < 0 || skdTotal > w.skdMax)
    throw new DomainError('VALIDATION', `SKD total must be an integer 0..${w.skdMax}, got ${skdTotal}`);
  if (!Number.isSafeInteger(skbMilli) || skbMilli < 0 || skbMilli > 100_000)
    throw new DomainError('VALIDATION', `SKB must be 0..100000 thousandths, got ${skbMilli}`);
  if (!Number.isSafeInteger(w.skdMax) || w.skdMax <= 0)
    throw new DomainError('VALIDATION', 'SKD maximum must be a positive integer');
  checkPercents({ skd: w.skd, skb: w.skb }, 'final weights');
  return roundDiv(skdTotal * w.skd * 100_000 + skbMilli * w.skb * w.skdMax, w.skdMax * 100);
}

/** Thousandths -> number with 3 decimals (display and JSON). */
export const fromMilli = (milli: number): number => milli / 1000;

/** SKB component names: computer test, interview, other tests, psych (0 % unless an admin weights it). */
export const SKB_COMPONENTS = ['CAT', 'WAWANCARA', 'LAINNYA', 'PSIKOTES'] as const;

/** How an exam's SKB stage is scored and combined with SKD (stored per SKD exam, changed by an admin). */
export interface SkbSettings {
  /** 'score': one SKB score per candidate; 'components': SKB = Σ component × weight %. */
  mode: 'score' | 'components';
  /** Whole percents summing to 100 (BKN practice 50 / 30 / 20; PSIKOTES 0 by default). */
  componentWeights: Record<string, number>;
  final: FinalWeights;
  /** Keys after `final` (final-ranking.ts): default SKD total, TKP, TIU, TWK. */
  tieBreaks: string[];
}

export const DEFAULT_SKB_SETTINGS: Readonly<SkbSettings> = {
  mode: 'components',
  componentWeights: { ...DEFAULT_SKB_COMPONENT_WEIGHTS, PSIKOTES: 0 },
  final: { ...DEFAULT_FINAL_WEIGHTS },
  tieBreaks: ['total', 'TKP', 'TIU', 'TWK'],
};

/** One imported SKB row: a single score or the components, in thousandths. Never published. */
export interface SkbScoreRow {
  regNo: string;
  skbMilli?: number;
  componentsMilli?: Record<string, number>;
}

/**
 * The SKB (thousandths) of a row under the settings: the score itself, or the weighted components. A row that
 * lacks what the mode needs -> VALIDATION.
 */
export function skbMilliOf(row: SkbScoreRow, settings: Readonly<SkbSettings>): number {
  if (settings.mode === 'score') {
    if (row.skbMilli === undefined) throw new DomainError('VALIDATION', `SKB score of ${row.regNo} missing`);
    return row.skbMilli;
  }
  const c = row.componentsMilli;
  if (!c) throw new DomainError('VALIDATION', `SKB components of ${row.regNo} missing`);
  const asScores = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, fromMilli(v)]));
  return skbMilliFromComponents(asScores, settings.componentWeights);
}
