// Replay: derives current answers, flags, deadline and state of an attempt from its step log alone.

import type { AttemptMeta, AttemptState } from './attempt.ts';
import { DEADLINE_REASON } from './lifecycle.ts';
import { isClientStep, orderSteps } from './step-order.ts';
import type { Step } from './steps.ts';
import { MINUTE } from './timing.ts';

/**
 * Why replay did not count a step:
 * - rejected:      the server marked it `rejected` when recording it (client steps: only this, or malformed);
 * - afterSubmit:   a lifecycle step after the (first) submitted step in canonical order;
 * - retiredDevice: not used for client steps any more (the save path records the refusal); kept for old logs' views;
 * - late:          a pause/extension/device reset received while running at or after the deadline in effect
 *                  (lifecycle.ts refuses those too);
 * - outOfPlace:    a lifecycle step that does not fit the state (second start, pause while paused, resume
 *                  while not paused, device reset to an epoch not above the current one);
 * - malformed:     a client step without integer deviceEpoch/clientSeq, or an extension without positive minutes.
 */
export type IgnoreReason = 'rejected' | 'afterSubmit' | 'retiredDevice' | 'late' | 'outOfPlace' | 'malformed';

export interface ReplayView {
  /** Current answer per item: the counted `answered` step with the highest (deviceEpoch, clientSeq). */
  answers: Map<string, string | null>;
  /** Items whose counted `flagged` step with the highest (deviceEpoch, clientSeq) says flagged. */
  flags: Set<string>;
  /** Highest clientSeq recorded per device epoch, counted or not (those keys are taken). */
  lastSeqByEpoch: Map<number, number>;
  deadline: number;
  state: AttemptState;
  submittedAt?: number;
  ignored: Array<{ step: Step; reason: IgnoreReason }>;
  /** Counted Kraepelin entries in (deviceEpoch, clientSeq) order, with their server receipt time. */
  entries: SpeedEntry[];
  /** Server time of the first counted `speedStarted` step per speed item. */
  speedStarts: Map<string, number>;
  /** Counted pauses in order: from the pause step to its resume (or the submit that closed it); open: to null. */
  pauses: PauseSpan[];
}

/** One pause of the attempt clock, server ms; `to` null while it is still open. */
export interface PauseSpan {
  from: number;
  to: number | null;
}

export interface SpeedEntry {
  itemId: string;
  column: number;
  row: number;
  digit: number;
  at: number;
  epoch: number;
  seq: number;
}

interface Lifecycle {
  deadline: number;
  state: AttemptState;
  submittedAt?: number;
  ignored: Map<Step, IgnoreReason>;
  pauses: PauseSpan[];
}

/** Pass 1: lifecycle steps in canonical order -> deadline, state, submit time, ignored lifecycle steps. */
function lifecycleOf(
  ordered: readonly Step[],
  meta: Pick<AttemptMeta, 'startedAt' | 'durationMs'>,
): Lifecycle {
  const ignored = new Map<Step, IgnoreReason>();
  const pauses: PauseSpan[] = [];
  let started = false;
  let extensionsMs = 0;
  let pausedMs = 0;
  let openPauseAt: number | undefined;
  let epoch = -Infinity;
  let submitted: { at: number; expired: boolean } | undefined;
  const deadlineNow = () => meta.startedAt + meta.durationMs + extensionsMs + pausedMs;
  const lastAt = ordered.reduce((m, s) => Math.max(m, s.at), meta.startedAt);
  for (const step of ordered) {
    if (isClientStep(step)) continue;
    if (step.rejected !== undefined) ignored.set(step, 'rejected');
    else if (submitted) ignored.set(step, 'afterSubmit');
    else if (step.type === 'started') {
      if (started) ignored.set(step, 'outOfPlace');
      else {
        started = true;
        epoch = step.deviceEpoch;
      }
    } else if (step.type === 'submitted') {
      if (openPauseAt !== undefined) {
        pausedMs += Math.max(0, step.at - openPauseAt);
        pauses.push({ from: openPauseAt, to: step.at });
      }
      openPauseAt = undefined;
      submitted = {
        at: step.at,
        expired: step.actor.role === 'system' && step.reason === DEADLINE_REASON,
      };
    } else if (step.type === 'resumed') {
      if (openPauseAt === undefined) ignored.set(step, 'outOfPlace');
      else {
        pausedMs += Math.max(0, step.at - openPauseAt);
        pauses.push({ from: openPauseAt, to: step.at });
        openPauseAt = undefined;
      }
    } else if (step.type === 'paused' && openPauseAt !== undefined) ignored.set(step, 'outOfPlace');
    else if (step.type === 'extended' && !(Number.isFinite(step.minutes) && step.minutes > 0))
      ignored.set(step, 'malformed');
    else if (step.type === 'deviceReset' && step.deviceEpoch <= epoch) ignored.set(step, 'outOfPlace');
    else if (openPauseAt === undefined && step.at >= deadlineNow()) ignored.set(step, 'late');
    else if (step.type === 'paused') openPauseAt = step.at;
    else if (step.type === 'extended') extensionsMs += step.minutes * MINUTE;
    else if (step.type === 'deviceReset') epoch = step.deviceEpoch;
  }
  // A pause never resumed nor closed by a submit: the clock is stopped through the end of the known log.
  if (openPauseAt !== undefined) {
    pausedMs += Math.max(0, lastAt - openPauseAt);
    pauses.push({ from: openPauseAt, to: null });
  }
  const state: AttemptState = submitted
    ? submitted.expired
      ? 'expired'
      : 'submitted'
    : openPauseAt !== undefined
      ? 'paused'
      : started
        ? 'running'
        : 'ready';
  const out: Lifecycle = { deadline: deadlineNow(), state, ignored, pauses };
  if (submitted) out.submittedAt = submitted.at;
  return out;
}

const isSeqNumber = (n: number | undefined): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * Replays the log. Steps are put in canonical order (step-order.ts). Lifecycle steps give the deadline:
 * meta.startedAt + meta.durationMs + Σ extensions + Σ pauses (resume.at - pause.at; a pause closed by a
 * submit ends at the submit; an open pause ends at the last step's time). Then each client step counts
 * unless it is rejected or malformed: exactly the steps the server acknowledged (graceMs is no longer used
 * for client steps; the save path judged them with it when it recorded them).
 * Among counted steps the highest (deviceEpoch, clientSeq) per item wins, for answers and flags separately.
 * A submitted step by the system with reason 'deadline' means state 'expired'.
 */
export function replay(
  steps: readonly Step[],
  meta: Pick<AttemptMeta, 'startedAt' | 'durationMs'>,
  _graceMs: number,
): ReplayView {
  const ordered = orderSteps(steps);
  const life = lifecycleOf(ordered, meta);
  const ignored: ReplayView['ignored'] = [];
  const lastSeqByEpoch = new Map<number, number>();
  const bestAnswer = new Map<string, { epoch: number; seq: number; choice: string | null }>();
  const bestFlag = new Map<string, { epoch: number; seq: number; flagged: boolean }>();
  const newer = (epoch: number, seq: number, than: { epoch: number; seq: number } | undefined) =>
    !than || epoch > than.epoch || (epoch === than.epoch && seq > than.seq);
  const entries: SpeedEntry[] = [];
  const speedStarts = new Map<string, number>();
  for (const step of ordered) {
    if (!isClientStep(step)) {
      const reason = life.ignored.get(step);
      if (reason) ignored.push({ step, reason });
      else if (step.type === 'speedStarted' && !speedStarts.has(step.itemId))
        speedStarts.set(step.itemId, step.at);
      continue;
    }
    const { deviceEpoch: epoch, clientSeq: seq } = step;
    if (isSeqNumber(epoch) && isSeqNumber(seq))
      lastSeqByEpoch.set(epoch, Math.max(lastSeqByEpoch.get(epoch) ?? 0, seq));
    for (const b of step.batch ?? [])
      if (isSeqNumber(epoch) && isSeqNumber(b.clientSeq))
        lastSeqByEpoch.set(epoch, Math.max(lastSeqByEpoch.get(epoch) ?? 0, b.clientSeq));
    // The server's acknowledgement is the arbiter (DESIGN hot path rule 5): a client step it stored without
    // `rejected` was acknowledged and counts, whatever its time or epoch (a cache up to its maximum age stale
    // may admit it just after a submit, the deadline or a handover); a step carrying `rejected` never counts.
    const reason: IgnoreReason | undefined =
      step.rejected !== undefined
        ? 'rejected'
        : !isSeqNumber(epoch) || !isSeqNumber(seq)
          ? 'malformed'
          : undefined;
    if (reason || !isSeqNumber(epoch) || !isSeqNumber(seq)) {
      ignored.push({ step, reason: reason ?? 'malformed' });
      continue;
    }
    if (step.type === 'answered') {
      if (newer(epoch, seq, bestAnswer.get(step.itemId)))
        bestAnswer.set(step.itemId, { epoch, seq, choice: step.choice });
    } else if (step.type === 'entered') {
      const { itemId, column, row, digit, at } = step;
      entries.push({ itemId, column, row, digit, at, epoch, seq });
    } else if (newer(epoch, seq, bestFlag.get(step.itemId)))
      bestFlag.set(step.itemId, { epoch, seq, flagged: step.flagged });
  }
  const answers = new Map<string, string | null>();
  for (const [itemId, a] of bestAnswer) answers.set(itemId, a.choice);
  const flags = new Set<string>();
  for (const [itemId, f] of bestFlag) if (f.flagged) flags.add(itemId);
  const view: ReplayView = {
    answers,
    flags,
    lastSeqByEpoch,
    deadline: life.deadline,
    state: life.state,
    ignored,
    entries: entries.sort((a, b) => a.epoch - b.epoch || a.seq - b.seq),
    speedStarts,
    pauses: life.pauses,
  };
  if (life.submittedAt !== undefined) view.submittedAt = life.submittedAt;
  return view;
}
