import { describe, expect, it } from 'vitest';
import { columnLeftMs, firstOpenRow, openColumn } from '../../../../web/candidate/psych/kraepelin-state.ts';

const t = { startedAt: 100_000, columnSeconds: 15, columns: 3 };

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
