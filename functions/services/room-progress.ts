// The room monitor's progress writes from the save path (answered count, last save), at most one per attempt per 60 s
// across processes and none in the attempt's first 60 s: a per-process map skips the request, a condition on the
// stored item holds back the rest.
import type { AttemptMeta } from '../domain/attempt.ts';
import type { Deps } from './deps.ts';

/** At most one stored progress write per attempt per this many ms, over all processes (docs/capacity.md). */
export const PROGRESS_EVERY_MS = 60_000;
/** Entries kept in the per-process throttle map before the oldest are dropped (bounded memory). */
const MAX_TRACKED = 50_000;

export interface ProgressRecorder {
  /**
   * Records (answered, now) for the attempt unless it started less than PROGRESS_EVERY_MS ago, this process
   * tried less than PROGRESS_EVERY_MS ago (no request) or the stored item was written less than
   * PROGRESS_EVERY_MS ago by any process (the conditional UpdateItem is refused: no read first). Never fails the
   * save: a failed write is dropped (the next save after the throttle writes again). True when the item was
   * written.
   *
   * The first minute is left out because it is the start spike's minute on exam day: every candidate's first
   * saves land there beside the starts, and a progress write for each would add one store write per candidate
   * to the busiest minute (and one of three requests to a cold first save). The monitor shows the attempt
   * running from its META meanwhile; its answered count and last save appear a minute in, as stale as ever after.
   */
  maybeRecord(
    meta: Pick<AttemptMeta, 'attemptId' | 'sessionId' | 'regNo' | 'startedAt'>,
    answered: number | undefined,
  ): Promise<boolean>;
}

export const createProgressRecorder = (deps: Deps): ProgressRecorder => {
  const lastWrite = new Map<string, number>();
  return {
    async maybeRecord(meta, answered) {
      if (answered === undefined) return false;
      const now = deps.clock();
      if (now - meta.startedAt < PROGRESS_EVERY_MS) return false;
      const last = lastWrite.get(meta.attemptId);
      if (last !== undefined && now - last < PROGRESS_EVERY_MS) return false;
      lastWrite.delete(meta.attemptId);
      lastWrite.set(meta.attemptId, now);
      if (lastWrite.size > MAX_TRACKED) {
        const oldest = lastWrite.keys().next().value;
        if (oldest !== undefined) lastWrite.delete(oldest);
      }
      try {
        return await deps.store.room.recordProgress({
          sessionId: meta.sessionId,
          regNo: meta.regNo,
          attemptId: meta.attemptId,
          answered,
          lastSaveAt: now,
          notAfter: now - PROGRESS_EVERY_MS,
        });
      } catch {
        lastWrite.delete(meta.attemptId);
        return false;
      }
    },
  };
};
