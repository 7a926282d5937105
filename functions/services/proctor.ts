// Proctor operations on one attempt (pause, resume, extend, device reset, force submit): domain steps with actor and reason.
import type { AttemptMeta } from '../domain/attempt.ts';
import {
  extendAttempt,
  extensionApplied,
  pauseAttempt,
  resetDevice,
  resumeAttempt,
  type Transition,
} from '../domain/lifecycle.ts';
import type { Actor } from '../domain/steps.ts';
import type { AttemptCache } from './attempt-cache.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import { createSignalPush } from './push.ts';
import { applyTransition } from './transition.ts';

export type ProctorAction =
  | { kind: 'pause'; reason: string }
  | { kind: 'resume'; reason: string }
  /** opId: the request's operation id; an extension already applied under it is not applied again. */
  | { kind: 'extend'; reason: string; minutes: number; opId?: string }
  | { kind: 'reset-device'; reason: string }
  | { kind: 'submit'; reason: string };

export type ProctorService = ReturnType<typeof createProctorService>;

export const createProctorService = (deps: Deps, attemptCache: AttemptCache, finalizer: Finalizer) => {
  const push = createSignalPush(deps);
  /** Every action's outcome is pushed to the attempt's open pages (within 5 s: here, at once). */
  const act = async (attemptId: string, actor: Actor, action: ProctorAction): Promise<AttemptMeta> => {
    const meta = await transition(attemptId, actor, action);
    // A force submit that found the deadline passed expired the attempt instead: the clock ended it.
    const ended =
      meta.state === 'submitted'
        ? { by: 'proctor' as const, reason: action.reason }
        : { by: 'system' as const, reason: null };
    await push.publish(meta, ended);
    return meta;
  };
  return { act };

  async function transition(attemptId: string, actor: Actor, action: ProctorAction): Promise<AttemptMeta> {
    const now = deps.clock();
    if (action.kind === 'submit') {
      await finalizer.submit(attemptId, actor, action.reason);
      return (await deps.store.attempts.get(attemptId, true))!;
    }
    const current = await deps.store.attempts.get(attemptId, true);
    if (!current) throw userError('NOT_FOUND.attempt');
    const meta = await finalizer.finalizeIfDue(current, now);
    let next: Transition;
    switch (action.kind) {
      case 'pause':
        next = pauseAttempt(meta, actor, action.reason, now);
        break;
      case 'resume':
        next = resumeAttempt(meta, actor, action.reason, now);
        break;
      case 'extend':
        if (extensionApplied(meta, action.opId)) return meta;
        next = extendAttempt(meta, actor, action.reason, action.minutes, now, action.opId);
        break;
      case 'reset-device':
        next = resetDevice(meta, actor, action.reason, now);
        break;
    }
    return applyTransition(deps.store, attemptCache, meta, next);
  }
};
