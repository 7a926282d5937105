import { describe, expect, it } from 'vitest';
import {
  acceptsAnswersAt,
  clientRemaining,
  clockOffset,
  DEFAULT_GRACE_MS,
  deadlineOf,
  remainingMs,
} from '../../functions/domain/timing.ts';
import { MIN, runningMeta, T0 } from './fixtures.ts';

const H = 60 * MIN;

describe('deadlineOf', () => {
  it.each([
    ['plain 100 min', {}, T0 + 100 * MIN],
    ['+10 min extension, 3 min paused', { extensionsMs: 10 * MIN, pausedMs: 3 * MIN }, T0 + 113 * MIN],
    ['accommodation in duration (130 min)', { durationMs: 130 * MIN }, T0 + 130 * MIN],
    [
      'open pause is not counted',
      { state: 'paused' as const, pausedAt: T0 + 10 * MIN, pausedMs: MIN },
      T0 + 101 * MIN,
    ],
  ])('%s', (_n, over, expected) => {
    expect(deadlineOf(runningMeta(over))).toBe(expected);
  });
});

describe('remainingMs', () => {
  it.each([
    ['running, 40 min in', {}, T0 + 40 * MIN, 60 * MIN],
    ['running, 1 ms before deadline', {}, T0 + 100 * MIN - 1, 1],
    ['running, past deadline: never negative', {}, T0 + 120 * MIN, 0],
    [
      'paused at 30 min: frozen at 70 min an hour later',
      { state: 'paused' as const, pausedAt: T0 + 30 * MIN },
      T0 + 90 * MIN,
      70 * MIN,
    ],
    [
      'paused again at 50 min after an earlier 5 min pause: 100 + 5 - 50 = 55 min',
      { state: 'paused' as const, pausedAt: T0 + 50 * MIN, pausedMs: 5 * MIN },
      T0 + 200 * MIN,
      55 * MIN,
    ],
    [
      'ready: the full duration + extensions',
      { state: 'ready' as const, extensionsMs: 5 * MIN },
      0,
      105 * MIN,
    ],
    ['submitted', { state: 'submitted' as const }, T0 + MIN, 0],
    ['expired', { state: 'expired' as const }, T0 + MIN, 0],
  ])('%s', (_n, over, now, expected) => {
    expect(remainingMs(runningMeta(over), now)).toBe(expected);
  });
});

describe('acceptsAnswersAt', () => {
  const deadline = T0 + 100 * MIN;
  it.each([
    ['at start', {}, T0, true],
    ['before start', {}, T0 - 1, false],
    ['at the deadline', {}, deadline, true],
    ['at the end of the grace', {}, deadline + DEFAULT_GRACE_MS, true],
    ['1 ms after the grace', {}, deadline + DEFAULT_GRACE_MS + 1, false],
    ['within an extension', { extensionsMs: 5 * MIN }, deadline + 4 * MIN, true],
    ['paused', { state: 'paused' as const, pausedAt: T0 + MIN }, T0 + 2 * MIN, false],
    ['submitted', { state: 'submitted' as const }, T0 + MIN, false],
    ['expired', { state: 'expired' as const }, T0 + MIN, false],
  ])('%s -> %s', (_n, over, at, ok) => {
    expect(acceptsAnswersAt(runningMeta(over), at, DEFAULT_GRACE_MS)).toBe(ok);
  });
  it('grace is 15 s', () => expect(DEFAULT_GRACE_MS).toBe(15_000));
});

describe('client timer math with a wrong client clock', () => {
  const deadline = T0 + 100 * MIN;
  const serverAtResponse = T0 + 40 * MIN;
  it.each([
    ['client clock right', 0],
    ['client clock 2 h fast', 2 * H],
    ['client clock 2 h slow', -2 * H],
    ['client clock 2 h 13 ms fast', 2 * H + 13],
  ])('%s: 5 s after the response 59:55 remain', (_n, skew) => {
    const clientAtResponse = serverAtResponse + skew;
    expect(clockOffset(serverAtResponse, clientAtResponse)).toBe(0 - skew);
    expect(clientRemaining(deadline, serverAtResponse, clientAtResponse, clientAtResponse + 5_000)).toBe(
      60 * MIN - 5_000,
    );
    expect(clientRemaining(deadline, serverAtResponse, clientAtResponse, clientAtResponse + 61 * MIN)).toBe(
      0,
    );
  });
});
