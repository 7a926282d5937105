// Likert inventory scoring: reverse keys (6 − x), raw and percent-of-maximum per factor, blank proration.
import { DomainError } from '../errors.ts';

/** Lowest and highest point of the 5-point scale. */
export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

export interface LikertKey {
  itemId: string;
  /** Factor (trait) the item marks, e.g. "extraversion". */
  factor: string;
  /** Reverse-keyed: the scored value is 6 − response. */
  reverse: boolean;
}

export interface LikertOptions {
  /** Blanks per factor that are still prorated; more blanks make the factor invalid. */
  maxBlanksPerFactor: number;
}

/** Default: up to 2 of a factor's 10 items may be left blank. */
export const DEFAULT_LIKERT_OPTIONS: LikertOptions = { maxBlanksPerFactor: 2 };

export type FactorScore =
  | {
      factor: string;
      status: 'valid';
      items: number;
      answered: number;
      blanks: number;
      /** Sum of scored values, prorated: sum × items / answered. */
      raw: number;
      /** Percent of maximum possible: (raw − items·1) / (items·5 − items·1) × 100. */
      pomp: number;
    }
  | {
      factor: string;
      status: 'invalid';
      items: number;
      answered: number;
      blanks: number;
      reason: 'tooManyBlanks';
    };

/** Scored value of one response: reverse ? 6 − x : x. A response outside 1..5 (or non-integer) -> VALIDATION. */
export function likertValue(response: number, reverse: boolean): number {
  if (!Number.isInteger(response) || response < LIKERT_MIN || response > LIKERT_MAX)
    throw new DomainError('VALIDATION', `likert response must be an integer 1..5, got ${response}`);
  return reverse ? LIKERT_MIN + LIKERT_MAX - response : response;
}

/**
 * Scores an inventory. `responses` maps itemId -> 1..5, or null/absent for a blank. Factors appear in the
 * order of their first item in `keys`. Per factor: blanks = items − answered; blanks > maxBlanksPerFactor
 * -> invalid ('tooManyBlanks'); otherwise raw = Σ scored × items / answered, pomp as documented on
 * FactorScore. Responses for items not in `keys` are ignored. Duplicate item ids in keys -> VALIDATION.
 */
export function scoreLikert(
  keys: readonly LikertKey[],
  responses: ReadonlyMap<string, number | null>,
  options: LikertOptions = DEFAULT_LIKERT_OPTIONS,
): FactorScore[] {
  if (!Number.isInteger(options.maxBlanksPerFactor) || options.maxBlanksPerFactor < 0)
    throw new DomainError('VALIDATION', 'maxBlanksPerFactor must be a non-negative integer');
  const seen = new Set<string>();
  const tally = new Map<string, { items: number; answered: number; sum: number }>();
  for (const k of keys) {
    if (seen.has(k.itemId)) throw new DomainError('VALIDATION', `duplicate likert item ${k.itemId}`);
    seen.add(k.itemId);
    const t = tally.get(k.factor) ?? { items: 0, answered: 0, sum: 0 };
    tally.set(k.factor, t);
    t.items++;
    const r = responses.get(k.itemId);
    if (r === null || r === undefined) continue;
    t.answered++;
    t.sum += likertValue(r, k.reverse);
  }
  return [...tally].map(([factor, t]) => {
    const blanks = t.items - t.answered;
    if (blanks > options.maxBlanksPerFactor || t.answered === 0)
      return {
        factor,
        status: 'invalid',
        items: t.items,
        answered: t.answered,
        blanks,
        reason: 'tooManyBlanks',
      };
    const raw = (t.sum * t.items) / t.answered;
    const pomp = ((raw - t.items * LIKERT_MIN) / (t.items * (LIKERT_MAX - LIKERT_MIN))) * 100;
    return { factor, status: 'valid', items: t.items, answered: t.answered, blanks, raw, pomp };
  });
}
