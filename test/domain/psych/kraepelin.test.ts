import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import {
  columnKey,
  currentColumn,
  entryVerdict,
  type KraepelinConfig,
  kraepelinColumns,
} from '../../../functions/domain/psych/kraepelin.ts';

const seedA = 'a'.repeat(64);
const seedB = `${'a'.repeat(63)}b`;
const cfg: KraepelinConfig = { columns: 6, rows: 12, columnSeconds: 15 };

describe('kraepelinColumns (seeded)', () => {
  it('the same seed and item give the same sheet; shape columns × rows; digits 1..9', () => {
    const a = kraepelinColumns(seedA, 'speed-1', cfg);
    expect(kraepelinColumns(seedA, 'speed-1', cfg)).toEqual(a);
    expect(a).toHaveLength(6);
    for (const col of a) {
      expect(col).toHaveLength(12);
      for (const d of col) expect(d >= 1 && d <= 9 && Number.isInteger(d)).toBe(true);
    }
  });
  it('another seed or another item id gives another sheet', () => {
    const a = kraepelinColumns(seedA, 'speed-1', cfg);
    expect(kraepelinColumns(seedB, 'speed-1', cfg)).not.toEqual(a);
    expect(kraepelinColumns(seedA, 'speed-2', cfg)).not.toEqual(a);
  });
  it('more columns extend the sheet without changing the first ones (one stream, column by column)', () => {
    const a = kraepelinColumns(seedA, 'speed-1', cfg);
    expect(kraepelinColumns(seedA, 'speed-1', { ...cfg, columns: 9 }).slice(0, 6)).toEqual(a);
  });
  it('pins the first column of a fixed seed (the verifier must re-derive the same sheet)', () => {
    expect(kraepelinColumns(seedA, 'speed-1', cfg)[0]).toEqual(PINNED_FIRST_COLUMN);
  });
  it('uses all nine digits roughly evenly over a long sheet', () => {
    const all = kraepelinColumns(seedA, 'x', { columns: 100, rows: 100, columnSeconds: 1 }).flat();
    for (let d = 1; d <= 9; d++) {
      const share = all.filter((x) => x === d).length / all.length;
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThan(0.125);
    }
  });
  it.each([
    { columns: 0, rows: 10, columnSeconds: 15 },
    { columns: 5, rows: 1, columnSeconds: 15 },
    { columns: 5, rows: 10, columnSeconds: 0 },
    { columns: 1.5, rows: 10, columnSeconds: 15 },
  ])('refuses config %j', (bad) => {
    expect(() => kraepelinColumns(seedA, 'x', bad)).toThrow(DomainError);
  });
});

describe('columnKey', () => {
  it.each([
    [
      [3, 8, 5, 9],
      [1, 3, 4],
    ],
    [[9, 9], [8]],
    [
      [5, 5, 1],
      [0, 6],
    ],
  ])('%j -> %j', (col, key) => {
    expect(columnKey(col)).toEqual(key);
  });
});

describe('server-side column timing', () => {
  const start = 1_000_000;
  const grace = 2_000;
  const t: KraepelinConfig = { columns: 3, rows: 5, columnSeconds: 15 };
  it.each([
    ['column 0 at its close + grace', { column: 0, row: 0, digit: 1 }, start + 17_000, 'ok'],
    ['column 0 one ms after close + grace', { column: 0, row: 0, digit: 1 }, start + 17_001, 'late'],
    ['column 2 at the very end + grace', { column: 2, row: 3, digit: 0 }, start + 47_000, 'ok'],
    ['column 2 after the end + grace', { column: 2, row: 3, digit: 0 }, start + 47_001, 'late'],
    ['column 1 before it opens − grace', { column: 1, row: 0, digit: 1 }, start + 12_999, 'early'],
    ['column 1 at its open − grace', { column: 1, row: 0, digit: 1 }, start + 13_000, 'ok'],
    ['column outside the sheet', { column: 3, row: 0, digit: 1 }, start, 'outOfRange'],
    ['row past the last addition', { column: 0, row: 4, digit: 1 }, start, 'outOfRange'],
    ['digit 10', { column: 0, row: 0, digit: 10 }, start, 'outOfRange'],
    ['negative row', { column: 0, row: -1, digit: 1 }, start, 'outOfRange'],
  ] as const)('%s -> %s', (_name, entry, at, want) => {
    expect(entryVerdict(entry, at, start, t, grace)).toBe(want);
  });
  it.each([
    [-5, 0],
    [0, 0],
    [14_999, 0],
    [15_000, 1],
    [44_999, 2],
    [45_000, null],
  ])('elapsed %i ms -> column %s', (ms, col) => {
    expect(currentColumn(ms, t)).toBe(col);
  });
});

// Pinned once from the implementation; a change here changes every sheet an auditor re-derives.
const PINNED_FIRST_COLUMN = [3, 1, 5, 7, 4, 8, 8, 5, 9, 1, 3, 9];
