import { describe, expect, it } from 'vitest';
import type { Session } from '../../functions/domain/attempt.ts';
import { isSessionOpen } from '../../functions/domain/lifecycle.ts';
import {
  assignmentProblems,
  checkEditable,
  checkSchedule,
  formatInZone,
  windowsOverlap,
} from '../../functions/domain/schedule.ts';

const H = 3_600_000;
const T = Date.UTC(2026, 11, 1, 0, 0); // 2026-12-01 00:00 UTC
const s = (id: string, from: number, to: number, over: Partial<Session> = {}): Session => ({
  id,
  examId: 'skd',
  examVersion: 1,
  title: id,
  site: 'Kantor Regional',
  opensAt: T + from * H,
  closesAt: T + to * H,
  capacity: 2,
  secretCommitment: 'c',
  pinsReleased: false,
  ...over,
});

describe('schedule rules', () => {
  it.each<[number, 'WIB' | 'WITA' | 'WIT', string]>([
    [T + 1 * H, 'WIB', '2026-12-01 08:00 WIB'],
    [T + 1 * H, 'WITA', '2026-12-01 09:00 WITA'],
    [T + 1 * H, 'WIT', '2026-12-01 10:00 WIT'],
    [T + 17 * H + 30 * 60_000, 'WIB', '2026-12-02 00:30 WIB'],
  ])('formatInZone(%i, %s) = %s', (at, zone, text) => expect(formatInZone(at, zone)).toBe(text));

  it.each<[string, [number, number], [number, number], boolean]>([
    ['disjoint', [0, 2], [3, 5], false],
    ['touching ends (half-open)', [0, 2], [2, 4], false],
    ['overlapping', [0, 2], [1, 3], true],
    ['nested', [0, 5], [1, 2], true],
  ])('%s: overlap = %s', (_n, a, b, expected) => {
    expect(windowsOverlap(s('a', ...a), s('b', ...b))).toBe(expected);
    expect(windowsOverlap(s('b', ...b), s('a', ...a))).toBe(expected);
  });

  it.each<[string, Partial<Session>, number, string | null]>([
    ['fine', {}, 100, null],
    ['closes before it opens', { closesAt: T }, 100, 'VALIDATION'],
    ['window shorter than the exam', {}, 121, 'VALIDATION'],
    ['capacity 0', { capacity: 0 }, 100, 'VALIDATION'],
  ])('checkSchedule: %s', (_n, over, minutes, code) => {
    const run = () => checkSchedule(s('x', 0, 2, over), minutes);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });

  it.each<[string, Partial<Session>, number, string | null]>([
    ['before opening', {}, T - 1, null],
    ['at opening', {}, T, 'CONFLICT'],
    ['cancelled', { cancelledAt: T - 10 }, T - 1, 'CONFLICT'],
  ])('checkEditable: %s', (_n, over, now, code) => {
    const run = () => checkEditable(s('x', 0, 2, over), now);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });

  it('a cancelled session is never open', () => {
    expect(isSessionOpen(s('x', 0, 2), T + H)).toBe(true);
    expect(isSessionOpen(s('x', 0, 2, { cancelledAt: T }), T + H)).toBe(false);
  });

  it('assignmentProblems: capacity counts only new regNos; overlaps ignore cancelled and the target itself', () => {
    const target = s('t', 0, 2, { capacity: 3 });
    const others: Record<string, Session[]> = {
      A: [s('o1', 1, 3)],
      B: [s('o2', 1, 3, { cancelledAt: T - H })],
      C: [s('o3', 2, 4), target],
    };
    const got = assignmentProblems(
      target,
      new Set(['X', 'A']),
      ['A', 'A', 'B', 'C', 'D'],
      (r) => others[r] ?? [],
    );
    // new: B, C, D (A is already there) -> 2 + 3 = 5 > 3
    expect(got).toEqual({ overCapacity: 2, overlapping: [] });
    const got2 = assignmentProblems(target, new Set(), ['A', 'B', 'C'], (r) => others[r] ?? []);
    expect(got2).toEqual({ overCapacity: 0, overlapping: [{ regNo: 'A', sessionId: 'o1' }] });
  });
});
