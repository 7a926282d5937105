// Result views: a stored result with section titles, maxima and the passing grade that applied.
import type { AttemptMeta } from '../domain/attempt.ts';
import { pseudonym } from '../domain/pseudonym.ts';
import { scoreAttempt } from '../domain/scoring.ts';
import type { ResultView } from '../schemas/candidate.ts';
import type { StoredResult } from '../store/types.ts';
import type { ContentCache } from './content.ts';

export const resultView = async (
  contentCache: ContentCache,
  meta: AttemptMeta,
  result: StoredResult,
  now: number,
  /** Publication pseudonym secret: the slip shows the pseudonym the rankings use. */
  pseudonymSecret?: string,
): Promise<ResultView> => {
  const exam = await contentCache.exam(meta, meta.bankSnapshots);
  const form = contentCache.form(meta.attemptId, exam, meta.seed);
  // Scoring an empty answer sheet yields the maxima and the passing grade of this formation type.
  const frame = scoreAttempt(exam.exam, form, exam.itemsById, new Map(), meta.formationType);
  return {
    attemptId: result.attemptId,
    examId: result.examId,
    sections: exam.exam.sections.map((s) => ({
      id: s.id,
      title: s.title,
      score: result.sections[s.id] ?? 0,
      max: frame.max[s.id] ?? 0,
      passingGrade: frame.grade?.sections[s.id] ?? null,
    })),
    total: result.total,
    maxTotal: frame.maxTotal,
    passed: result.passed,
    formationType: result.formationType,
    receipt: result.logHash,
    pseudonym: pseudonymSecret === undefined ? null : pseudonym(pseudonymSecret, result.regNo),
    submittedAt: result.submittedAt,
    serverTime: now,
  };
};
