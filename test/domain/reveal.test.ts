// The reveal rule: a session's secret is revealed only once no attempt of the session can still change.
import { describe, expect, it } from 'vitest';
import { type RevealAttempt, revealDecision, secretRevealable } from '../../functions/domain/reveal.ts';

const MIN = 60_000;
const session = { closesAt: 1_000 * MIN };
const GRACE = 15_000;
const base: RevealAttempt = {
  state: 'running',
  startedAt: 990 * MIN,
  durationMs: 100 * MIN,
  extensionsMs: 0,
  pausedMs: 0,
};
// base's deadline: 1090 min; + grace.
const deadline = 1_090 * MIN;

describe('revealDecision', () => {
  it.each<[string, RevealAttempt[], number, boolean, string?]>([
    ['window still open, no attempts', [], 999 * MIN, false, 'window-open'],
    ['window closed, no attempts', [], 1_000 * MIN, true],
    ['closed while one attempt is still running', [base], 1_001 * MIN, false, 'attempt-running'],
    ['running attempt within grace after its deadline', [base], deadline + GRACE, false, 'attempt-running'],
    ['running (not yet swept) past deadline + grace', [base], deadline + GRACE + 1, true],
    [
      'all submitted',
      [
        { ...base, state: 'submitted' },
        { ...base, state: 'submitted' },
      ],
      1_001 * MIN,
      true,
    ],
    [
      'all submitted but window still open',
      [{ ...base, state: 'submitted' }],
      999 * MIN,
      false,
      'window-open',
    ],
    ['expired + grace passed', [{ ...base, state: 'expired' }], 1_000 * MIN + 1, true],
    [
      'one submitted, one still running',
      [{ ...base, state: 'submitted' }, base],
      1_001 * MIN,
      false,
      'attempt-running',
    ],
    [
      'extension moves the deadline',
      [{ ...base, extensionsMs: 10 * MIN }],
      deadline + GRACE + 1,
      false,
      'attempt-running',
    ],
    ['extension passed', [{ ...base, extensionsMs: 10 * MIN }], deadline + 10 * MIN + GRACE + 1, true],
    [
      'accommodation (longer duration) counts',
      [{ ...base, durationMs: 130 * MIN }],
      deadline + GRACE + 1,
      false,
      'attempt-running',
    ],
    [
      'completed pauses count',
      [{ ...base, pausedMs: 5 * MIN }],
      deadline + GRACE + 1,
      false,
      'attempt-running',
    ],
    [
      'a paused attempt can resume: held back',
      [{ ...base, state: 'paused', pausedAt: 995 * MIN }],
      5_000 * MIN,
      false,
      'attempt-paused',
    ],
    ['ready attempts cannot start after close', [{ ...base, state: 'ready' }], 1_000 * MIN, true],
  ])('%s', (_name, attempts, now, revealed, reason) => {
    const d = revealDecision(session, attempts, now, GRACE);
    expect(d.revealed).toBe(revealed);
    if (!d.revealed) expect(d.reason).toBe(reason);
    expect(secretRevealable(session, attempts, now, GRACE)).toBe(revealed);
  });

  it('a cancelled session closes its window at the cancellation', () => {
    const cancelled = { ...session, cancelledAt: 500 * MIN };
    expect(secretRevealable(cancelled, [], 500 * MIN, GRACE)).toBe(true);
    expect(secretRevealable(cancelled, [], 499 * MIN, GRACE)).toBe(false);
  });

  it('names when a running attempt stops holding the secret back', () => {
    expect(revealDecision(session, [base], 1_001 * MIN, GRACE)).toEqual({
      revealed: false,
      reason: 'attempt-running',
      at: deadline + GRACE,
    });
  });
});
