// Scoring: section scores, maxima, total and pass/fail of one attempt's answers on its form.
import { DomainError } from './errors.ts';
import type { Exam, PassingGrade } from './exam.ts';
import type { Form } from './form.ts';
import type { Item } from './items.ts';
import { itemMax, itemPoints } from './kinds/registry.ts';

export { itemMax, itemPoints };

/** Formation type whose passing grade applies when an exam has none for the candidate's own type. */
export const DEFAULT_FORMATION_TYPE = 'umum';

export interface Score {
  sections: Record<string, number>;
  max: Record<string, number>;
  total: number;
  maxTotal: number;
  /** null: the exam has no passing grade for this formation type nor a DEFAULT_FORMATION_TYPE one. */
  passed: boolean | null;
  grade?: PassingGrade;
}

/** The grade that applies: the formation type's own, else the DEFAULT_FORMATION_TYPE one, else undefined. */
export const gradeFor = (exam: Exam, formationType: string): PassingGrade | undefined =>
  exam.passingGrades.find((g) => g.formationType === formationType) ??
  exam.passingGrades.find((g) => g.formationType === DEFAULT_FORMATION_TYPE);

/**
 * Scores the answers (itemId -> chosen option id or null) on the form. Every exam section gets an entry
 * (0 when it has no items). passed = every section of the grade >= its threshold and, when the grade has
 * a total, total >= it. Items in answers but not on the form are ignored. Form/exam mismatch -> VALIDATION;
 * an item of the form missing from itemsById -> NOT_FOUND.
 */
export function scoreAttempt(
  exam: Exam,
  form: Form,
  itemsById: ReadonlyMap<string, Item>,
  answers: ReadonlyMap<string, string | null>,
  formationType: string,
): Score {
  if (form.examId !== exam.id || form.examVersion !== exam.version)
    throw new DomainError('VALIDATION', `form is for exam ${form.examId} v${form.examVersion}`);
  const sections: Record<string, number> = {};
  const max: Record<string, number> = {};
  const pointsOf = new Map<string, number>();
  for (const s of exam.sections) {
    sections[s.id] = 0;
    max[s.id] = 0;
    pointsOf.set(s.id, s.correctPoints);
  }
  for (const fi of form.items) {
    const item = itemsById.get(fi.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    const correctPoints = pointsOf.get(fi.sectionId);
    if (correctPoints === undefined)
      throw new DomainError('VALIDATION', `form item ${fi.itemId} is in unknown section ${fi.sectionId}`);
    sections[fi.sectionId] =
      (sections[fi.sectionId] ?? 0) + itemPoints(item, answers.get(fi.itemId), correctPoints);
    max[fi.sectionId] = (max[fi.sectionId] ?? 0) + itemMax(item, correctPoints);
  }
  const total = Object.values(sections).reduce((a, b) => a + b, 0);
  const maxTotal = Object.values(max).reduce((a, b) => a + b, 0);
  const grade = gradeFor(exam, formationType);
  if (!grade) return { sections, max, total, maxTotal, passed: null };
  const passed =
    Object.entries(grade.sections).every(([id, min]) => (sections[id] ?? 0) >= min) &&
    (grade.total === undefined || total >= grade.total);
  return { sections, max, total, maxTotal, passed, grade };
}
