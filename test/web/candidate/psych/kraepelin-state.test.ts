import { describe, expect, it } from 'vitest';
import { columnLeftMs, firstOpenRow, openColumn } from '../../../../web/candidate/psych/kraepelin-state.ts';

const t = { startedAt: 100_000, pausedMs: 0, columnSeconds: 15, columns: 3 };
// The same sheet after a 60 s pause that began 5 s into column 0.
const shifted = { ...t, pausedMs: 60_000 };

describe('openColumn (server time -> column on screen)', () => {
  it.each([
    [99_000, 0], // a client clock a little behind the start still shows column 1
    [100_000, 0],
    [114_999, 0],
    [115_000, 1],
    [144_999, 2],
    [145_000, 3], // all closed: the sheet is done
    [999_999, 3],
  ])('at %i -> %i', (now, col) => {
    expect(openColumn(t, now)).toBe(col);
  });
});

describe('after a pause the screen follows the shifted deadlines', () => {
  it.each([
    [165_000, 0, 10_000], // resumed: column 0 with the 10 s it had left
    [175_000, 1, 15_000], // column 1 with its full time
    [204_999, 2, 1],
  ])('at %i -> column %i with %i ms left', (now, col, left) => {
    expect(openColumn(shifted, now)).toBe(col);
    expect(columnLeftMs(shifted, col, now)).toBe(left);
  });
  it('done once the shifted last column has closed', () => {
    expect(openColumn(shifted, 205_000)).toBe(3);
    expect(columnLeftMs(shifted, 2, 205_000)).toBe(0);
  });
});

describe('columnLeftMs', () => {
  it.each([
    [0, 100_000, 15_000],
    [0, 112_500, 2_500],
    [1, 112_500, 17_500],
    [0, 120_000, 0],
  ])('column %i at %i -> %i ms', (c, now, left) => {
    expect(columnLeftMs(t, c, now)).toBe(left);
  });
});

describe('firstOpenRow (cursor after a reload or a column change)', () => {
  it.each([
    [[], 0, 0],
    [['0.0', '0.1'], 0, 2],
    [['0.0', '0.2'], 0, 1],
    [['0.0', '0.1', '0.2', '0.3'], 0, 4], // full column: the cursor sits past the last addition
    [['0.0'], 1, 0],
  ] as const)('%j in column %i -> row %i', (typed, column, row) => {
    const cells = new Map(typed.map((k) => [k, 1]));
    expect(firstOpenRow(cells, column, 4)).toBe(row);
  });
});
