// Finalizing an attempt (submit, force-submit, deadline): record the step, replay, score, hash, store the result.
import type { AttemptMeta } from '../domain/attempt.ts';
import { isDomainError } from '../domain/errors.ts';
import type { ScoringCorrections } from '../domain/exam.ts';
import { receiptHash } from '../domain/hashchain.ts';
import { DEADLINE_REASON, expireIfDue, submitAttempt } from '../domain/lifecycle.ts';
import { scoringPins } from '../domain/regrade.ts';
import { replay } from '../domain/replay.ts';
import { scoreAttempt } from '../domain/scoring.ts';
import type { Actor, Step } from '../domain/steps.ts';
import type { StoredResult } from '../store/types.ts';
import type { AttemptCache } from './attempt-cache.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { signResult } from './result-signature.ts';
import { applyTransition } from './transition.ts';

export interface Finalizer {
  /** Submits now (candidate or proctor). Idempotent: a finished attempt returns its stored result. */
  submit(attemptId: string, actor: Actor, reason?: string): Promise<StoredResult>;
  /** Finalizes when the deadline (+ grace) has passed; returns the current META either way. */
  finalizeIfDue(meta: AttemptMeta, now: number): Promise<AttemptMeta>;
  /**
   * Re-derives the result from the step log (regrade = replay): the form from the attempt's pinned snapshots,
   * the scoring from their corrections (`corrections`, else the exam's `scoringCorrections`).
   */
  score(meta: AttemptMeta, corrections?: ScoringCorrections): Promise<StoredResult>;
  /** The stored result of a finished attempt; recovered (finishing step, then result) if a finisher stopped. */
  result(meta: AttemptMeta): Promise<StoredResult>;
}

/** The current device's highest seq in the log read for scoring, and whether seqs 1..that were all there. */
export const logTailOf = (
  steps: readonly Step[],
  deviceEpoch: number,
): NonNullable<StoredResult['logTail']> => {
  const seqs = new Set<number>();
  for (const s of steps)
    if (s.deviceEpoch === deviceEpoch && s.clientSeq !== undefined) seqs.add(s.clientSeq);
  const lastSeq = seqs.size ? Math.max(...seqs) : 0;
  return { deviceEpoch, lastSeq, contiguous: seqs.size === lastSeq };
};

export const createFinalizer = (
  deps: Deps,
  attemptCache: AttemptCache,
  contentCache: ContentCache,
): Finalizer => {
  const { store } = deps;

  const score = async (meta: AttemptMeta, corrections?: ScoringCorrections): Promise<StoredResult> => {
    const exam = await contentCache.exam(meta, meta.bankSnapshots);
    const form = contentCache.form(meta.attemptId, exam, meta.seed);
    const scoring = scoringPins(exam.pins, corrections ?? (await contentCache.corrections(meta.examId)));
    const keyed = scoring.regradeIds.length ? await contentCache.exam(meta, scoring.pins) : exam;
    const steps = await store.attempts.readSteps(meta.attemptId);
    const view = replay(steps, meta, deps.config.graceMs);
    const s = scoreAttempt(exam.exam, form, keyed.itemsById, view.answers, meta.formationType);
    return signResult(deps, {
      attemptId: meta.attemptId,
      sessionId: meta.sessionId,
      examId: meta.examId,
      examVersion: exam.exam.version,
      regNo: meta.regNo,
      formationId: meta.formationId,
      formationType: meta.formationType,
      sections: s.sections,
      total: s.total,
      passed: s.passed,
      logHash: receiptHash(steps),
      submittedAt: view.submittedAt ?? meta.submittedAt ?? deps.clock(),
      logTail: logTailOf(steps, meta.deviceEpoch),
      ...(scoring.regradeIds.length ? { regradeIds: scoring.regradeIds } : {}),
    });
  };

  /** Applies a finishing transition with optimistic concurrency; on a race, the winner's result stands. */
  const finish = async (
    attemptId: string,
    transition: (meta: AttemptMeta) => ReturnType<typeof submitAttempt> | undefined,
  ): Promise<AttemptMeta> => {
    for (let tries = 0; tries < 3; tries++) {
      const meta = await store.attempts.get(attemptId, true);
      if (!meta) throw userError('NOT_STARTED');
      if (meta.state === 'submitted' || meta.state === 'expired') {
        attemptCache.set(meta);
        return meta;
      }
      const next = transition(meta);
      if (!next) return meta;
      // Racing submits (double click, sweeper vs candidate) leave exactly one `submitted` step in the log.
      let updated: AttemptMeta;
      try {
        updated = await applyTransition(store, attemptCache, meta, next);
      } catch (e) {
        if (isDomainError(e) && e.code === 'CONFLICT') continue;
        throw e;
      }
      await store.attempts.putResult(await score(updated));
      return updated;
    }
    throw userError('CONFLICT.busy');
  };

  const resultOf = async (meta: AttemptMeta): Promise<StoredResult> => {
    const stored = await store.attempts.getResult(meta.attemptId);
    if (stored) return stored;
    // A finisher stopped between META and RESULT. If its finishing step never landed, write it now (from the
    // META's submit time), then derive the result again: same log, same score, same receipt.
    const steps = await store.attempts.readSteps(meta.attemptId);
    if (!steps.some((x) => x.type === 'submitted' && x.rejected === undefined)) {
      await store.attempts.appendServerStep(meta.attemptId, {
        type: 'submitted',
        actor: { role: 'system' },
        reason: meta.state === 'expired' ? DEADLINE_REASON : 'recovered',
        at: meta.submittedAt ?? deps.clock(),
      });
    }
    const derived = await score(meta);
    await store.attempts.putResult(derived);
    return derived;
  };

  return {
    async submit(attemptId, actor, reason) {
      const now = deps.clock();
      const meta = await finish(
        attemptId,
        (m) => expireIfDue(m, now, deps.config.graceMs) ?? submitAttempt(m, actor, now, reason),
      );
      return resultOf(meta);
    },
    async finalizeIfDue(meta, now) {
      if (meta.state !== 'running' && meta.state !== 'paused') return meta;
      if (!expireIfDue(meta, now, deps.config.graceMs)) return meta;
      const done = await finish(meta.attemptId, (m) => expireIfDue(m, now, deps.config.graceMs));
      await resultOf(done);
      return done;
    },
    score,
    result: resultOf,
  };
};
