// Cache of Kraepelin sheet start times (server time of the first speedStarted step) per attempt and item.
import type { Step } from '../domain/steps.ts';
import type { Store } from '../store/types.ts';

const MAX_ENTRIES = 50_000;

export interface SpeedStartCache {
  /** The sheet's start, from the cache or (once per process) the step log; undefined if never opened. */
  get(attemptId: string, itemId: string): Promise<number | undefined>;
  /** The first start among `steps` (the earliest `at`; canonical order puts equal times by content). */
  fromSteps(attemptId: string, itemId: string, steps: readonly Step[]): number | undefined;
  clear(): void;
}

export const createSpeedStartCache = (store: Store): SpeedStartCache => {
  const starts = new Map<string, number>();
  const key = (attemptId: string, itemId: string) => `${attemptId}|${itemId}`;
  const fromSteps = (attemptId: string, itemId: string, steps: readonly Step[]) => {
    let first: number | undefined;
    for (const s of steps)
      if (s.type === 'speedStarted' && s.itemId === itemId && s.rejected === undefined)
        first = first === undefined ? s.at : Math.min(first, s.at);
    if (first !== undefined) {
      if (starts.size >= MAX_ENTRIES) starts.clear();
      starts.set(key(attemptId, itemId), first);
    }
    return first;
  };
  return {
    async get(attemptId, itemId) {
      const known = starts.get(key(attemptId, itemId));
      if (known !== undefined) return known;
      return fromSteps(attemptId, itemId, await store.attempts.readSteps(attemptId));
    },
    fromSteps,
    clear: () => starts.clear(),
  };
};
