import { describe, expect, it } from 'vitest';
import { warningFor } from '../../../web/candidate/TimeWarnings.tsx';

const MIN = 60_000;

describe('warningFor', () => {
  it.each([
    [null, null],
    [30 * MIN, null],
    [10 * MIN + 1, null],
    [10 * MIN, 10],
    [6 * MIN, 10],
    [5 * MIN, 5],
    [1, 5],
    [0, null],
  ])('%s ms left -> %s', (ms, minutes) => {
    expect(warningFor(ms)).toBe(minutes);
  });
});
