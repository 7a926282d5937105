// Attempt lifecycle: pure state transitions on AttemptMeta, each yielding the lifecycle step to append.
import type { AttemptMeta, RosterEntry, Session } from './attempt.ts';
import { DomainError } from './errors.ts';
import type { Exam } from './exam.ts';
import type { Actor, Step } from './steps.ts';
import { deadlineOf, MINUTE } from './timing.ts';

/** A transition's outcome: the new META (version unchanged: the store bumps it) and the step to append. */
export interface Transition {
  meta: AttemptMeta;
  step: Step;
}

/** Reason of the system `submitted` step written when the deadline (+ grace) has passed. */
export const DEADLINE_REASON = 'deadline';
/** Device epoch of a freshly started attempt. */
export const FIRST_DEVICE_EPOCH = 1;
/** Largest single extension a proctor may grant. */
export const MAX_EXTENSION_MINUTES = 240;

export interface StartInput {
  attemptId: string;
  session: Session;
  /** What a start takes from the roster entry (its name and PIN hash play no part). */
  roster: Pick<RosterEntry, 'sessionId' | 'regNo' | 'formationId' | 'formationType' | 'extraMinutes'>;
  exam: Exam;
  seed: string;
  now: number;
  /** Defaults to (exam.durationMinutes + roster.extraMinutes) minutes. */
  durationMs?: number;
  /** The bank snapshots the form comes from (recorded in the META). */
  bankSnapshots?: Readonly<Record<string, string>>;
}

/** A session admits logins and starts in [opensAt, closesAt). */
/** Open = inside [opensAt, closesAt) and not cancelled. */
export const isSessionOpen = (
  session: Pick<Session, 'opensAt' | 'closesAt' | 'cancelledAt'>,
  now: number,
): boolean => session.cancelledAt === undefined && session.opensAt <= now && now < session.closesAt;

/**
 * The longest window a session may span, opensAt to closesAt. The lists of sessions live now (the sweep's, the
 * login's open sessions) look back this far by opensAt: a session open longer would be neither swept nor listed
 * as open. 31 days covers the local demo session (open 30 days).
 */
export const MAX_SESSION_SPAN_MS = 31 * 24 * 3600_000;

/**
 * Starts an attempt: state running, deadline = now + duration. The META is created with version 1.
 * Session/exam/roster mismatch -> VALIDATION; outside [opensAt, closesAt) -> SESSION_NOT_OPEN.
 */
export function startAttempt(input: StartInput): Transition {
  const { session, roster, exam, now } = input;
  if (roster.sessionId !== session.id)
    throw new DomainError('VALIDATION', `candidate ${roster.regNo} is not on session ${session.id}`);
  if (session.examId !== exam.id || session.examVersion !== exam.version)
    throw new DomainError(
      'VALIDATION',
      `session ${session.id} is for exam ${session.examId} v${session.examVersion}`,
    );
  if (!isSessionOpen(session, now))
    throw new DomainError('SESSION_NOT_OPEN', `session ${session.id} is not open`);
  const durationMs = input.durationMs ?? (exam.durationMinutes + roster.extraMinutes) * MINUTE;
  if (!Number.isSafeInteger(durationMs) || durationMs <= 0)
    throw new DomainError('VALIDATION', 'duration must be a positive whole number of ms');
  const meta: AttemptMeta = {
    attemptId: input.attemptId,
    sessionId: session.id,
    examId: exam.id,
    examVersion: exam.version,
    regNo: roster.regNo,
    formationId: roster.formationId,
    formationType: roster.formationType,
    seed: input.seed,
    ...(input.bankSnapshots ? { bankSnapshots: { ...input.bankSnapshots } } : {}),
    state: 'running',
    startedAt: now,
    durationMs,
    extensionsMs: 0,
    pausedMs: 0,
    deviceEpoch: FIRST_DEVICE_EPOCH,
    version: 1,
  };
  return { meta, step: startedStepOf(meta) };
}

/**
 * The `started` step of an attempt: fixed by its META (startedAt never changes), so the store keeps it in the
 * META item and a start is one conditional write (docs/exam-engine.md, "Attempt META carries its started step").
 */
export const startedStepOf = (meta: Pick<AttemptMeta, 'startedAt'>): Step => ({
  type: 'started',
  deviceEpoch: FIRST_DEVICE_EPOCH,
  at: meta.startedAt,
});

const requireReason = (reason: string): void => {
  if (reason.trim() === '') throw new DomainError('VALIDATION', 'a reason is required');
};

/** Throws unless the attempt is running or paused; a running attempt must not be past its deadline. */
function assertLive(meta: AttemptMeta, now: number, checkDeadline = true): void {
  if (meta.state === 'submitted') throw new DomainError('ATTEMPT_SUBMITTED', 'attempt already submitted');
  if (meta.state === 'expired') throw new DomainError('ATTEMPT_EXPIRED', 'attempt expired');
  if (meta.state === 'ready') throw new DomainError('NOT_STARTED', 'attempt not started');
  if (checkDeadline && meta.state === 'running' && now >= deadlineOf(meta))
    throw new DomainError('ATTEMPT_EXPIRED', 'the time of this attempt is up');
}

/** Stops the clock. Running only (paused -> ATTEMPT_PAUSED). */
export function pauseAttempt(meta: AttemptMeta, actor: Actor, reason: string, now: number): Transition {
  requireReason(reason);
  assertLive(meta, now);
  if (meta.state === 'paused') throw new DomainError('ATTEMPT_PAUSED', 'attempt already paused');
  return {
    meta: { ...meta, state: 'paused', pausedAt: now },
    step: { type: 'paused', actor, reason, at: now },
  };
}

const withoutPausedAt = (meta: AttemptMeta): AttemptMeta => {
  const { pausedAt: _ignored, ...rest } = meta;
  return rest;
};

/** Restarts the clock; the pause (now - pausedAt) is credited into pausedMs. Paused only (else CONFLICT). */
export function resumeAttempt(meta: AttemptMeta, actor: Actor, reason: string, now: number): Transition {
  requireReason(reason);
  assertLive(meta, now);
  if (meta.state !== 'paused' || meta.pausedAt === undefined)
    throw new DomainError('CONFLICT', 'attempt is not paused');
  const paused = Math.max(0, now - meta.pausedAt);
  return {
    meta: { ...withoutPausedAt(meta), state: 'running', pausedMs: meta.pausedMs + paused },
    step: { type: 'resumed', actor, reason, at: now },
  };
}

/** Adds minutes to the deadline (running before the deadline, or paused). 1..MAX_EXTENSION_MINUTES. */
/** How many extension operation ids an attempt remembers (a retry comes seconds later, not 8 extensions on). */
export const EXTENSION_OPS_KEPT = 8;

/** True when the extension with this operation id was already applied to the attempt (a retried request). */
export const extensionApplied = (meta: AttemptMeta, opId: string | undefined): boolean =>
  opId !== undefined && (meta.extensionOps ?? []).includes(opId);

export function extendAttempt(
  meta: AttemptMeta,
  actor: Actor,
  reason: string,
  minutes: number,
  now: number,
  opId?: string,
): Transition {
  requireReason(reason);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTENSION_MINUTES)
    throw new DomainError('VALIDATION', `extension must be 1..${MAX_EXTENSION_MINUTES} whole minutes`);
  assertLive(meta, now);
  const extensionOps =
    opId === undefined ? meta.extensionOps : [...(meta.extensionOps ?? []), opId].slice(-EXTENSION_OPS_KEPT);
  return {
    meta: {
      ...meta,
      extensionsMs: meta.extensionsMs + minutes * MINUTE,
      ...(extensionOps ? { extensionOps } : {}),
    },
    step: { type: 'extended', actor, reason, minutes, at: now },
  };
}

/** Retires the current device: deviceEpoch + 1; steps of older epochs received from now on are ignored. */
export function resetDevice(meta: AttemptMeta, actor: Actor, reason: string, now: number): Transition {
  requireReason(reason);
  assertLive(meta, now);
  const deviceEpoch = meta.deviceEpoch + 1;
  return {
    meta: { ...meta, deviceEpoch, handoverOpen: true },
    step: { type: 'deviceReset', actor, reason, deviceEpoch, at: now },
  };
}

/**
 * Final submit of a running attempt (a candidate's device auto-submits at 0:00, so it typically arrives just
 * after the deadline: no deadline check here; callers run expireIfDue first so an attempt past deadline +
 * grace ends 'expired', and replay judges every answer by deadline + grace anyway). Paused: a candidate gets
 * ATTEMPT_PAUSED; a proctor/admin may submit it, crediting the open pause into pausedMs.
 */
/** `reason`: a proctor's force submit records why, so the candidate can be told. */
export function submitAttempt(meta: AttemptMeta, actor: Actor, now: number, reason?: string): Transition {
  assertLive(meta, now, false);
  if (meta.state === 'paused' && actor.role === 'candidate')
    throw new DomainError('ATTEMPT_PAUSED', 'attempt is paused');
  const pausedMs =
    meta.state === 'paused' && meta.pausedAt !== undefined
      ? meta.pausedMs + Math.max(0, now - meta.pausedAt)
      : meta.pausedMs;
  return {
    meta: { ...withoutPausedAt(meta), state: 'submitted', pausedMs, submittedAt: now },
    step: { type: 'submitted', actor, at: now, ...(reason ? { reason } : {}) },
  };
}

/**
 * Lazy finalize (on any read or save) and the sweeper: a running attempt with now > deadline + grace
 * becomes 'expired' with submittedAt = now, logged as a `submitted` step by the system with reason
 * 'deadline' (replay maps that step to state 'expired'). Waiting out the grace keeps in-flight saves
 * countable: replay ignores client steps after a submitted step. Paused attempts never expire (clock
 * stopped). Otherwise undefined.
 */
export function expireIfDue(meta: AttemptMeta, now: number, graceMs: number): Transition | undefined {
  if (meta.state !== 'running' || now <= deadlineOf(meta) + graceMs) return undefined;
  return {
    meta: { ...meta, state: 'expired', submittedAt: now },
    step: { type: 'submitted', actor: { role: 'system' }, reason: DEADLINE_REASON, at: now },
  };
}
