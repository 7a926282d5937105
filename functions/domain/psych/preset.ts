// Psych battery preset (Big Five inventory + Kraepelin sheet) and how psych results may enter a selection.
import type { Exam, PassingGrade } from '../exam.ts';
import type { FactorScore } from './likert.ts';

export interface PsychPresetOptions {
  id: string;
  bankId: string;
  version?: number;
  title?: string;
  /** Inventory items drawn from category `inventoryCategory` (default BIG5, 50 items). */
  inventoryCategory?: string;
  inventoryCount?: number;
  /** The speed item's category (default KRAEPELIN, one sheet). */
  speedCategory?: string;
  durationMinutes?: number;
}

/**
 * A psych battery is an exam with scheme 'PSYCH': one section of likert items, one with a speed sheet.
 * It has no passing grade; section points are not a score (likert sums, speed 0). Results of a PSYCH exam
 * are confidential: never on a public scoreboard, ranking or publication (filter on exam.scheme).
 */
export function psychPreset(opts: PsychPresetOptions): Exam {
  const passingGrades: PassingGrade[] = [];
  return {
    id: opts.id,
    version: opts.version ?? 1,
    title: opts.title ?? 'Tes Psikologi: Inventori Kepribadian dan Kraepelin',
    scheme: 'PSYCH',
    durationMinutes: opts.durationMinutes ?? 25,
    sections: [
      {
        id: 'INVENTORI',
        title: 'Inventori Kepribadian (Big Five)',
        bankId: opts.bankId,
        draws: [{ category: opts.inventoryCategory ?? 'BIG5', count: opts.inventoryCount ?? 50 }],
        correctPoints: 0,
      },
      {
        id: 'KRAEPELIN',
        title: 'Tes Kraepelin',
        bankId: opts.bankId,
        draws: [{ category: opts.speedCategory ?? 'KRAEPELIN', count: 1 }],
        correctPoints: 0,
      },
    ],
    passingGrades,
  };
}

/** Results of exams with this scheme are never published (rankings, scoreboards, publications filter on it). */
export const isConfidentialScheme = (scheme: Exam['scheme']): boolean => scheme === 'PSYCH';

/**
 * The SKB component a psych result may feed into a final selection, and its default weight: 0 percent
 * (informational only). It is absent from DEFAULT_SKB_COMPONENT_WEIGHTS (skb.ts); it counts only when an
 * admin lists it with a weight, and then its value is psychSkbValue() of the candidate's psych result.
 */
export const PSYCH_SKB_COMPONENT = 'PSIKOTES';
export const PSYCH_SKB_DEFAULT_WEIGHT = 0;

/**
 * Which measure of a psych result becomes the component's value (configured per request):
 * - meanPomp: the mean percent-of-maximum of the valid factors (norm-free);
 * - meanT: the mean T score of the valid factors that have a norm (the exam's norm group), clamped to 0..100.
 */
export const PSYCH_SKB_MEASURES = ['meanPomp', 'meanT'] as const;
export type PsychSkbMeasure = (typeof PSYCH_SKB_MEASURES)[number];

/** Mean of `xs` clamped to 0..100 and rounded half up to thousandths; null for no values. */
const componentOf = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const mean = Math.min(100, Math.max(0, xs.reduce((a, b) => a + b, 0) / xs.length));
  return Math.floor(mean * 1000 + 0.5) / 1000;
};

/**
 * The component's value (0..100, 3 decimals, as skb.ts requires) by meanPomp: the mean percent-of-maximum
 * of the valid factors, rounded half up to thousandths; null when no factor is valid (no component).
 */
export function psychSkbValue(factors: readonly FactorScore[]): number | null {
  return componentOf(factors.flatMap((f) => (f.status === 'valid' ? [f.pomp] : [])));
}

/**
 * The component's value by meanT: the mean of the given T scores (valid factors with a norm), clamped to
 * 0..100 (T is unbounded; the SKB scale is not), rounded half up to thousandths; null when there is none.
 */
export const psychSkbValueFromT = (ts: readonly number[]): number | null => componentOf(ts);
