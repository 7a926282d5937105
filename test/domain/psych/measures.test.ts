import { describe, expect, it } from 'vitest';
import type { KraepelinEntry } from '../../../functions/domain/psych/kraepelin.ts';
import { kraepelinMeasures, slope, tallyColumns } from '../../../functions/domain/psych/measures.ts';

// A sheet worked by hand. Keys = last digit of adjacent sums, top to bottom:
//   col 0: 3 8 5 9 -> 1 3 4      col 1: 7 2 6 4 -> 9 8 0
//   col 2: 1 1 9 5 -> 2 0 4      col 3: 4 4 2 2 -> 8 6 4
const digits = [
  [3, 8, 5, 9],
  [7, 2, 6, 4],
  [1, 1, 9, 5],
  [4, 4, 2, 2],
];
const e = (column: number, row: number, digit: number): KraepelinEntry => ({ column, row, digit });
const entries: KraepelinEntry[] = [
  e(0, 0, 5), // wrong, then corrected below: the last entry counts
  e(0, 0, 1),
  e(0, 1, 3),
  e(0, 2, 4), // col 0: 3 correct
  e(1, 0, 9),
  e(1, 1, 7), // wrong (8)
  e(1, 2, 0), // col 1: 2 correct, 1 error
  e(2, 0, 2),
  e(2, 2, 4), // col 2: row 1 skipped -> 2 correct, 1 skipped
  e(3, 0, 8), // col 3: 1 correct, rows 1–2 not reached (not skipped)
  e(7, 0, 1), // outside the sheet: ignored
];

describe('tallyColumns', () => {
  it('counts correct, errors, skipped (blank above the lowest answered row) and reached per column', () => {
    expect(tallyColumns(digits, entries)).toEqual([
      { correct: 3, errors: 0, skipped: 0, reached: 3 },
      { correct: 2, errors: 1, skipped: 0, reached: 3 },
      { correct: 2, errors: 0, skipped: 1, reached: 3 },
      { correct: 1, errors: 0, skipped: 0, reached: 1 },
    ]);
  });
  it('a column with no entry tallies zeros', () => {
    expect(tallyColumns(digits, [])).toEqual(
      digits.map(() => ({ correct: 0, errors: 0, skipped: 0, reached: 0 })),
    );
  });
});

describe('kraepelinMeasures on the worked sheet', () => {
  // curve 3 2 2 1: mean 2; errors 1 + skipped 1; range 3 − 1; MAD (1+0+0+1)/4;
  // slope: x̄ 2.5, Σdx·dy = (−1.5)(1) + (−0.5)(0) + (0.5)(0) + (1.5)(−1) = −3, Σdx² = 5 -> −0.6.
  const m = kraepelinMeasures(tallyColumns(digits, entries));
  it.each([
    ['curve', [3, 2, 2, 1]],
    ['columns', 4],
    ['panker', 2],
    ['tianker', 2],
    ['jankerRange', 2],
    ['jankerMad', 0.5],
  ] as const)('%s', (k, want) => {
    expect(m[k]).toEqual(want);
  });
  it('hanker', () => expect(m.hanker).toBeCloseTo(-0.6, 12));
});

describe('slope (least squares over columns 1..n)', () => {
  it.each([
    [[], 0],
    [[5], 0],
    [[1, 2, 3], 1],
    [[4, 4, 4, 4], 0],
    [[6, 4, 2], -2],
    // x̄ 2, ȳ 3: dx −1 0 1, dy −2 2 0 -> Σdx·dy = 2, Σdx² = 2 -> 1
    [[1, 5, 3], 1],
  ])('%j -> %d', (ys, want) => {
    expect(slope(ys)).toBeCloseTo(want, 12);
  });
});
