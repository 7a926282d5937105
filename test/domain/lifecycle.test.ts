import { describe, expect, it } from 'vitest';
import type { AttemptMeta } from '../../functions/domain/attempt.ts';
import { DomainError } from '../../functions/domain/errors.ts';
import {
  EXTENSION_OPS_KEPT,
  expireIfDue,
  extendAttempt,
  extensionApplied,
  isSessionOpen,
  pauseAttempt,
  resetDevice,
  resumeAttempt,
  startAttempt,
  submitAttempt,
} from '../../functions/domain/lifecycle.ts';
import type { Actor } from '../../functions/domain/steps.ts';
import { DEFAULT_GRACE_MS, deadlineOf, remainingMs } from '../../functions/domain/timing.ts';
import { MIN, roster, runningMeta, session, T0, tinyExam } from './fixtures.ts';

const proctor: Actor = { role: 'proctor', id: 'p1' };
const candidate: Actor = { role: 'candidate' };
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
};

describe('startAttempt', () => {
  it('creates a running META (version 1, epoch 1) and a started step', () => {
    const { meta, step } = startAttempt({
      attemptId: 'a1',
      session: session(),
      roster: roster({ formationType: 'cumlaude' }),
      exam: tinyExam(),
      seed: 'cd'.repeat(32),
      now: T0,
      durationMs: 100 * MIN,
    });
    expect(meta).toEqual({
      attemptId: 'a1',
      sessionId: 's1',
      examId: 'tiny',
      examVersion: 1,
      regNo: 'R-0001',
      formationId: 'f1',
      formationType: 'cumlaude',
      seed: 'cd'.repeat(32),
      state: 'running',
      startedAt: T0,
      durationMs: 100 * MIN,
      extensionsMs: 0,
      pausedMs: 0,
      deviceEpoch: 1,
      version: 1,
    });
    expect(step).toEqual({ type: 'started', deviceEpoch: 1, at: T0 });
  });

  it.each([
    ['no accommodation: 10 min exam', 0, 10 * MIN],
    ['+30 min accommodation', 30, 40 * MIN],
  ])('default duration, %s', (_n, extraMinutes, durationMs) => {
    const { meta } = startAttempt({
      attemptId: 'a1',
      session: session(),
      roster: roster({ extraMinutes }),
      exam: tinyExam(),
      seed: 's',
      now: T0,
    });
    expect(meta.durationMs).toBe(durationMs);
    expect(deadlineOf(meta)).toBe(T0 + durationMs);
  });

  it.each([
    ['before opening', {}, {}, {}, T0 - 61 * MIN, 'SESSION_NOT_OPEN'],
    ['at closing', {}, {}, {}, T0 + 180 * MIN, 'SESSION_NOT_OPEN'],
    ['candidate of another session', {}, { sessionId: 's2' }, {}, T0, 'VALIDATION'],
    ['exam version differs', {}, {}, { version: 2 }, T0, 'VALIDATION'],
    ['other exam', { examId: 'other' }, {}, {}, T0, 'VALIDATION'],
  ])('%s -> %s', (_n, s, r, e, now, code) => {
    expect(
      codeOf(() =>
        startAttempt({
          attemptId: 'a1',
          session: session(s),
          roster: roster(r),
          exam: tinyExam(e),
          seed: 's',
          now,
        }),
      ),
    ).toBe(code);
  });
});

describe('pause / resume / extend / reset / submit', () => {
  it('walks a whole attempt with hand-worked deadlines', () => {
    let meta = runningMeta(); // 100 min from T0 -> deadline T0+100
    const p = pauseAttempt(meta, proctor, 'listrik padam', T0 + 30 * MIN);
    expect(p.step).toEqual({ type: 'paused', actor: proctor, reason: 'listrik padam', at: T0 + 30 * MIN });
    meta = p.meta;
    expect(meta.state).toBe('paused');
    expect(remainingMs(meta, T0 + 44 * MIN)).toBe(70 * MIN); // frozen
    const r = resumeAttempt(meta, proctor, 'listrik menyala', T0 + 45 * MIN);
    meta = r.meta;
    expect(meta).toMatchObject({ state: 'running', pausedMs: 15 * MIN });
    expect(meta.pausedAt).toBeUndefined();
    expect(deadlineOf(meta)).toBe(T0 + 115 * MIN);
    expect(remainingMs(meta, T0 + 45 * MIN)).toBe(70 * MIN); // resumes where it stopped
    const x = extendAttempt(meta, proctor, 'gangguan server', 10, T0 + 50 * MIN);
    expect(x.step).toMatchObject({ type: 'extended', minutes: 10, at: T0 + 50 * MIN });
    meta = x.meta;
    expect(deadlineOf(meta)).toBe(T0 + 125 * MIN);
    const d = resetDevice(meta, proctor, 'laptop rusak', T0 + 60 * MIN);
    expect(d.step).toMatchObject({ type: 'deviceReset', deviceEpoch: 2, at: T0 + 60 * MIN });
    meta = d.meta;
    expect(meta.deviceEpoch).toBe(2);
    const s = submitAttempt(meta, candidate, T0 + 70 * MIN);
    expect(s.step).toEqual({ type: 'submitted', actor: candidate, at: T0 + 70 * MIN });
    expect(s.meta).toMatchObject({ state: 'submitted', submittedAt: T0 + 70 * MIN, version: 3 });
  });

  it('an extension remembers its operation id (the last EXTENSION_OPS_KEPT), so a retry is recognized', () => {
    let meta = runningMeta();
    expect(extensionApplied(meta, 'op-1')).toBe(false);
    expect(extensionApplied(meta, undefined)).toBe(false);
    meta = extendAttempt(meta, proctor, 'r', 5, T0, 'op-1').meta;
    expect(meta.extensionsMs).toBe(5 * MIN);
    expect(extensionApplied(meta, 'op-1')).toBe(true);
    expect(extensionApplied(meta, 'op-2')).toBe(false);
    for (let i = 2; i <= EXTENSION_OPS_KEPT + 1; i++)
      meta = extendAttempt(meta, proctor, 'r', 1, T0, `op-${i}`).meta;
    expect(meta.extensionOps).toHaveLength(EXTENSION_OPS_KEPT);
    expect(extensionApplied(meta, 'op-1')).toBe(false); // the oldest was forgotten
    expect(extensionApplied(meta, `op-${EXTENSION_OPS_KEPT + 1}`)).toBe(true);
    // Without an operation id nothing is remembered.
    expect(extendAttempt(runningMeta(), proctor, 'r', 5, T0).meta.extensionOps).toBeUndefined();
  });

  it('a proctor may submit a paused attempt; the open pause is credited', () => {
    const paused = runningMeta({ state: 'paused', pausedAt: T0 + 10 * MIN, pausedMs: 2 * MIN });
    const { meta, step } = submitAttempt(paused, proctor, T0 + 25 * MIN, 'joki terdeteksi');
    expect(meta).toMatchObject({ state: 'submitted', pausedMs: 17 * MIN, submittedAt: T0 + 25 * MIN });
    expect('pausedAt' in meta).toBe(false);
    // The reason is recorded in the step, so the candidate can be told why.
    expect(step).toEqual({ type: 'submitted', actor: proctor, at: T0 + 25 * MIN, reason: 'joki terdeteksi' });
  });

  it('a candidate may submit just after the deadline (auto-submit at 0:00)', () => {
    expect(submitAttempt(runningMeta(), candidate, T0 + 100 * MIN + 800).meta.state).toBe('submitted');
  });

  const paused = { state: 'paused' as const, pausedAt: T0 + MIN };
  const deadline = T0 + 100 * MIN;
  it.each<[string, Partial<AttemptMeta>, (m: AttemptMeta) => unknown, string]>([
    ['pause while paused', paused, (m) => pauseAttempt(m, proctor, 'r', T0 + 2 * MIN), 'ATTEMPT_PAUSED'],
    [
      'pause after submit',
      { state: 'submitted' },
      (m) => pauseAttempt(m, proctor, 'r', T0),
      'ATTEMPT_SUBMITTED',
    ],
    ['pause when expired', { state: 'expired' }, (m) => pauseAttempt(m, proctor, 'r', T0), 'ATTEMPT_EXPIRED'],
    ['pause before start', { state: 'ready' }, (m) => pauseAttempt(m, proctor, 'r', T0), 'NOT_STARTED'],
    ['pause at the deadline', {}, (m) => pauseAttempt(m, proctor, 'r', deadline), 'ATTEMPT_EXPIRED'],
    ['resume while running', {}, (m) => resumeAttempt(m, proctor, 'r', T0), 'CONFLICT'],
    [
      'extend after the deadline',
      {},
      (m) => extendAttempt(m, proctor, 'r', 5, deadline + 1),
      'ATTEMPT_EXPIRED',
    ],
    ['extend 0 minutes', {}, (m) => extendAttempt(m, proctor, 'r', 0, T0), 'VALIDATION'],
    ['extend 1.5 minutes', {}, (m) => extendAttempt(m, proctor, 'r', 1.5, T0), 'VALIDATION'],
    ['extend 241 minutes', {}, (m) => extendAttempt(m, proctor, 'r', 241, T0), 'VALIDATION'],
    ['extend without a reason', {}, (m) => extendAttempt(m, proctor, '  ', 5, T0), 'VALIDATION'],
    [
      'reset device after submit',
      { state: 'submitted' },
      (m) => resetDevice(m, proctor, 'r', T0),
      'ATTEMPT_SUBMITTED',
    ],
    ['reset device at the deadline', {}, (m) => resetDevice(m, proctor, 'r', deadline), 'ATTEMPT_EXPIRED'],
    [
      'candidate submits while paused',
      paused,
      (m) => submitAttempt(m, candidate, T0 + 2 * MIN),
      'ATTEMPT_PAUSED',
    ],
    ['submit twice', { state: 'submitted' }, (m) => submitAttempt(m, candidate, T0), 'ATTEMPT_SUBMITTED'],
    ['submit when expired', { state: 'expired' }, (m) => submitAttempt(m, candidate, T0), 'ATTEMPT_EXPIRED'],
    ['submit before start', { state: 'ready' }, (m) => submitAttempt(m, candidate, T0), 'NOT_STARTED'],
  ])('%s -> %s', (_n, over, f, code) => {
    expect(codeOf(() => f(runningMeta(over)))).toBe(code);
  });

  it.each<[string, Partial<AttemptMeta>, (m: AttemptMeta) => { meta: AttemptMeta }, Partial<AttemptMeta>]>([
    [
      'extend while paused',
      paused,
      (m) => extendAttempt(m, proctor, 'r', 5, T0 + 200 * MIN),
      { extensionsMs: 5 * MIN },
    ],
    [
      'reset device while paused',
      paused,
      (m) => resetDevice(m, proctor, 'r', T0 + 200 * MIN),
      { deviceEpoch: 2 },
    ],
    [
      'resume long after the deadline',
      paused,
      (m) => resumeAttempt(m, proctor, 'r', T0 + 201 * MIN),
      { pausedMs: 200 * MIN },
    ],
  ])('%s is allowed (clock stopped)', (_n, over, f, expected) => {
    expect(f(runningMeta(over)).meta).toMatchObject(expected);
  });
});

describe('expireIfDue', () => {
  const deadline = T0 + 100 * MIN;
  it.each<[string, Partial<AttemptMeta>, number, boolean]>([
    ['running, inside the grace', {}, deadline + DEFAULT_GRACE_MS, false],
    ['running, 1 ms past the grace', {}, deadline + DEFAULT_GRACE_MS + 1, true],
    ['running, extended', { extensionsMs: MIN }, deadline + DEFAULT_GRACE_MS + 1, false],
    ['paused: the clock is stopped', { state: 'paused', pausedAt: T0 + MIN }, deadline + 999 * MIN, false],
    ['already submitted', { state: 'submitted' }, deadline + 999 * MIN, false],
    ['already expired', { state: 'expired' }, deadline + 999 * MIN, false],
  ])('%s -> %s', (_n, over, now, due) => {
    const t = expireIfDue(runningMeta(over), now, DEFAULT_GRACE_MS);
    expect(t !== undefined).toBe(due);
    if (t) {
      expect(t.meta).toMatchObject({ state: 'expired', submittedAt: now, version: 3 });
      expect(t.step).toEqual({ type: 'submitted', actor: { role: 'system' }, reason: 'deadline', at: now });
    }
  });
});

describe('isSessionOpen (login, start: one rule)', () => {
  it.each([
    ['1 ms before opening', 999, false],
    ['at opening', 1000, true],
    ['1 ms before closing', 1999, true],
    ['at closing', 2000, false],
  ])('%s -> %s', (_n, now, open) => {
    expect(isSessionOpen({ opensAt: 1000, closesAt: 2000 }, now)).toBe(open);
  });
});
