// Cache of Kraepelin sheet starts per attempt and item: the server time of the first speedStarted step and
// the attempt's paused time before it (so the save path shifts column deadlines by pauses since the start).
import type { AttemptMeta } from '../domain/attempt.ts';
import { type SheetPause, sheetPauseAt } from '../domain/psych/kraepelin.ts';
import { replay } from '../domain/replay.ts';
import type { Step } from '../domain/steps.ts';
import type { Store } from '../store/types.ts';

const MAX_ENTRIES = 50_000;

export interface SheetStart {
  /** Server time of the first counted speedStarted step. */
  startedAt: number;
  /** Paused time of the attempt before startedAt (pauses are never recorded before an earlier time later). */
  pausedBeforeMs: number;
}

type MetaTimes = Pick<AttemptMeta, 'attemptId' | 'startedAt' | 'durationMs'>;

export interface SpeedStartCache {
  /** The sheet's start, from the cache or (once per process) the step log; undefined if never opened. */
  get(meta: MetaTimes, itemId: string): Promise<SheetStart | undefined>;
  /** The first start among `steps` (replay's canonical order) and the pauses before it. */
  fromSteps(meta: MetaTimes, itemId: string, steps: readonly Step[]): SheetStart | undefined;
  clear(): void;
}

/**
 * The sheet's pause state for the live save path from the attempt's meta: completed pauses since the start
 * (meta.pausedMs holds completed pauses only) and whether the attempt is paused now.
 */
export const livePause = (meta: Pick<AttemptMeta, 'state' | 'pausedMs'>, start: SheetStart): SheetPause => ({
  pausedMs: Math.max(0, meta.pausedMs - start.pausedBeforeMs),
  paused: meta.state === 'paused',
});

export const createSpeedStartCache = (store: Store): SpeedStartCache => {
  const starts = new Map<string, SheetStart>();
  const key = (attemptId: string, itemId: string) => `${attemptId}|${itemId}`;
  const fromSteps = (meta: MetaTimes, itemId: string, steps: readonly Step[]) => {
    const view = replay(steps, meta, 0);
    const startedAt = view.speedStarts.get(itemId);
    if (startedAt === undefined) return undefined;
    const start: SheetStart = {
      startedAt,
      pausedBeforeMs: sheetPauseAt(view.pauses, Number.NEGATIVE_INFINITY, startedAt).pausedMs,
    };
    if (starts.size >= MAX_ENTRIES) starts.clear();
    starts.set(key(meta.attemptId, itemId), start);
    return start;
  };
  return {
    async get(meta, itemId) {
      const known = starts.get(key(meta.attemptId, itemId));
      if (known !== undefined) return known;
      return fromSteps(meta, itemId, await store.attempts.readSteps(meta.attemptId));
    },
    fromSteps,
    clear: () => starts.clear(),
  };
};
