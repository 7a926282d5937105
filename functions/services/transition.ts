// Applies a lifecycle transition: the META's conditional update decides, and only then the winner logs its step.
import type { AttemptMeta } from '../domain/attempt.ts';
import type { Transition } from '../domain/lifecycle.ts';
import type { Store } from '../store/types.ts';
import type { AttemptCache } from './attempt-cache.ts';

/**
 * Racing transitions (two proctors, a double-clicked submit, the sweeper) read the same META version; the
 * conditional update lets one win and the others fail with CONFLICT before they write anything, so the log
 * never holds a step whose transition lost.
 */
export const applyTransition = async (
  store: Store,
  attemptCache: AttemptCache,
  current: AttemptMeta,
  next: Transition,
): Promise<AttemptMeta> => {
  const updated = await store.attempts.update(next.meta, current.version);
  attemptCache.set(updated);
  await store.attempts.appendServerStep(current.attemptId, next.step);
  return updated;
};
