// Auditor use cases: the raw material for re-scoring one attempt (META, step log, stored result).
import type { AttemptMeta } from '../domain/attempt.ts';
import { DomainError } from '../domain/errors.ts';
import type { Step } from '../domain/steps.ts';
import type { StoredResult } from '../store/types.ts';
import type { Deps } from './deps.ts';

export interface AttemptLog {
  attempt: AttemptMeta;
  steps: Step[];
  result: StoredResult | null;
}

export const createAuditService = (deps: Deps) => ({
  /** The raw log of one attempt with its seed and stored result; the auditor re-derives the score from it. */
  async attemptLog(attemptId: string): Promise<AttemptLog> {
    const meta = await deps.store.attempts.get(attemptId, true);
    if (!meta) throw new DomainError('NOT_FOUND', 'Percobaan tidak ditemukan / Attempt not found');
    const [steps, result] = await Promise.all([
      deps.store.attempts.readSteps(attemptId),
      deps.store.attempts.getResult(attemptId),
    ]);
    return { attempt: meta, steps, result: result ?? null };
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
