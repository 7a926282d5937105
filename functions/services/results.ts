// Result views: a stored result with section titles, maxima and the passing grade that applied; a psych
// battery's factor scores and Kraepelin measures.
import type { AttemptMeta } from '../domain/attempt.ts';
import { pseudonym } from '../domain/pseudonym.ts';
import { scorePsych } from '../domain/psych/attempt.ts';
import { isConfidentialScheme } from '../domain/psych/preset.ts';
import { replay } from '../domain/replay.ts';
import { scoreAttempt } from '../domain/scoring.ts';
import type { Step } from '../domain/steps.ts';
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
  /** For a PSYCH exam: the attempt's log, to put factor scores on the slip. */
  psych?: { readSteps(): Promise<readonly Step[]> },
): Promise<ResultView> => {
  const exam = await contentCache.exam(meta, meta.bankSnapshots);
  const form = contentCache.form(meta.attemptId, exam, meta.seed);
  // Scoring an empty answer sheet yields the maxima and the passing grade of this formation type.
  const frame = scoreAttempt(exam.exam, form, exam.itemsById, new Map(), meta.formationType);
  let psychPart: ResultView['psych'];
  if (exam.exam.scheme === 'PSYCH' && psych) {
    const r = scorePsych(form, exam.itemsById, replay(await psych.readSteps(), meta, 0));
    psychPart = {
      factors: r.factors.map((f) =>
        f.status === 'valid'
          ? { factor: f.factor, status: f.status, raw: f.raw, pomp: f.pomp }
          : { factor: f.factor, status: f.status, raw: null, pomp: null },
      ),
      speed: r.speed.map(({ measures: m }) => ({
        panker: m.panker,
        tianker: m.tianker,
        jankerRange: m.jankerRange,
        jankerMad: m.jankerMad,
        hanker: m.hanker,
      })),
    };
  }
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
    // A psych result is never published (isConfidentialScheme), so its slip names no publication pseudonym.
    pseudonym:
      pseudonymSecret === undefined || isConfidentialScheme(exam.exam.scheme)
        ? null
        : pseudonym(pseudonymSecret, result.regNo),
    submittedAt: result.submittedAt,
    ...(psychPart ? { psych: psychPart } : {}),
    serverTime: now,
  };
};
