// Auditor use cases: the raw material for re-scoring one attempt (META, step log, stored result).
import type { AttemptMeta } from '../domain/attempt.ts';
import type { Step } from '../domain/steps.ts';
import type { StoredResult } from '../store/types.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';

export interface AttemptLog {
  attempt: AttemptMeta;
  steps: Step[];
  result: StoredResult | null;
}

export const createAuditService = (deps: Deps) => ({
  /** The raw log of one attempt with its seed and stored result; the auditor re-derives the score from it. */
  async attemptLog(attemptId: string): Promise<AttemptLog> {
    const meta = await deps.store.attempts.get(attemptId, true);
    if (!meta) throw userError('NOT_FOUND.attempt');
    const [steps, result] = await Promise.all([
      deps.store.attempts.readSteps(attemptId),
      deps.store.attempts.getResult(attemptId),
    ]);
    return { attempt: meta, steps, result: result ?? null };
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
