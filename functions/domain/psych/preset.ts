// Psych battery preset (Big Five inventory + Kraepelin sheet) and how psych results may enter a selection.
import type { Exam, PassingGrade } from '../exam.ts';

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
 * (informational only). An admin must configure a weight explicitly for it to count.
 */
export const PSYCH_SKB_COMPONENT = 'PSIKOTES';
export const PSYCH_SKB_DEFAULT_WEIGHT = 0;
