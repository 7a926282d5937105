import { describe, expect, it } from 'vitest';
import {
  type Appeal,
  appealWindow,
  BKN_APPEAL_POLICY,
  canFileAppeal,
  DAY,
  fileAppeal,
  readOnlyLoginUntil,
  resolveAppeal,
} from '../../functions/domain/appeal.ts';
import { DomainError } from '../../functions/domain/errors.ts';

const CLOSES = 1_780_000_000_000;
const input = (over: Partial<Parameters<typeof fileAppeal>[0]> = {}) => ({
  attemptId: 'a1',
  sessionId: 's1',
  regNo: 'R-1',
  state: 'submitted' as const,
  closesAt: CLOSES,
  text: 'Layar membeku pada soal 40',
  now: CLOSES + DAY,
  policy: BKN_APPEAL_POLICY,
  ...over,
});

describe('appeal window', () => {
  it('BKN: 3 days to file after the session closes, then 7 days to answer', () => {
    expect(appealWindow(CLOSES, BKN_APPEAL_POLICY)).toEqual({
      fileUntil: CLOSES + 3 * DAY,
      answerBy: CLOSES + 10 * DAY,
    });
    expect(readOnlyLoginUntil(CLOSES, BKN_APPEAL_POLICY)).toBe(CLOSES + 10 * DAY);
  });

  it.each([
    ['submitted, before the session closed', 'submitted', CLOSES - 1, true],
    ['expired, just inside the window', 'expired', CLOSES + 3 * DAY - 1, true],
    ['submitted, just outside the window', 'submitted', CLOSES + 3 * DAY, false],
    ['running', 'running', CLOSES - 1, false],
    ['paused', 'paused', CLOSES - 1, false],
    ['absent', 'absent', CLOSES + 1, false],
  ] as const)('%s -> %s', (_name, state, now, ok) => {
    expect(canFileAppeal(state, now, appealWindow(CLOSES, BKN_APPEAL_POLICY))).toBe(ok);
  });
});

describe('fileAppeal', () => {
  it('records the window with the appeal, open', () => {
    expect(fileAppeal(input())).toEqual({
      attemptId: 'a1',
      sessionId: 's1',
      regNo: 'R-1',
      text: 'Layar membeku pada soal 40',
      filedAt: CLOSES + DAY,
      fileUntil: CLOSES + 3 * DAY,
      answerBy: CLOSES + 10 * DAY,
      status: 'open',
    });
  });

  it.each([
    ['unfinished attempt', { state: 'running' as const }, 'CONFLICT.appealNotFinished'],
    ['no attempt', { state: 'absent' as const }, 'CONFLICT.appealNotFinished'],
    ['window closed', { now: CLOSES + 3 * DAY }, 'CONFLICT.appealWindowClosed'],
  ])('refuses: %s', (_name, over, key) => {
    try {
      fileAppeal(input(over));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).key).toBe(key);
    }
  });
});

describe('resolveAppeal', () => {
  const open: Appeal = fileAppeal(input());
  it.each([
    ['upheld in time', 'upheld', CLOSES + 5 * DAY, false],
    ['rejected on the last ms', 'rejected', CLOSES + 10 * DAY, false],
    ['rejected late', 'rejected', CLOSES + 10 * DAY + 1, true],
  ] as const)('%s', (_n, decision, now, late) => {
    expect(resolveAppeal(open, decision, 'log shows the saves', 'admin', now)).toEqual({
      ...open,
      status: decision,
      resolution: { decision, reason: 'log shows the saves', by: 'admin', at: now, late },
    });
  });

  it('answers once', () => {
    const done = resolveAppeal(open, 'rejected', 'no system error', 'admin', CLOSES + 4 * DAY);
    expect(() => resolveAppeal(done, 'upheld', 'again', 'admin', CLOSES + 5 * DAY)).toThrow(DomainError);
  });
});
