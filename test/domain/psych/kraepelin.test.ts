import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import {
  columnClosesAt,
  columnKey,
  currentColumn,
  entryVerdict,
  type KraepelinConfig,
  kraepelinColumns,
  sheetPauseAt,
} from '../../../functions/domain/psych/kraepelin.ts';
import type { PauseSpan } from '../../../functions/domain/replay.ts';

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

describe('a pause shifts the column deadlines', () => {
  const start = 1_000_000;
  const grace = 2_000;
  const t: KraepelinConfig = { columns: 3, rows: 5, columnSeconds: 15 };
  // Paused 4 s into column 0 for 60 s, and again 10 s into column 2 (server time start + 70 s), still open.
  const pauses: PauseSpan[] = [
    { from: start + 4_000, to: start + 64_000 },
    { from: start + 100_000, to: null },
  ];
  it.each([
    ['before the sheet', start - 1, 0, false],
    ['at the start', start, 0, false],
    ['at the pause step itself', start + 4_000, 0, false],
    ['inside the first pause', start + 5_000, 1_000, true],
    ['at the resume', start + 64_000, 60_000, false],
    ['between pauses', start + 80_000, 60_000, false],
    ['inside the open pause', start + 130_000, 90_000, true],
  ] as const)('%s: %i ms after start -> paused %i ms, paused now %s', (_n, at, pausedMs, paused) => {
    expect(sheetPauseAt(pauses, start, at)).toEqual({ pausedMs, paused });
  });

  it('a pause before the sheet opened does not move it; one spanning the start counts from the start', () => {
    expect(sheetPauseAt([{ from: start - 50_000, to: start - 10_000 }], start, start + 1)).toEqual({
      pausedMs: 0,
      paused: false,
    });
    expect(sheetPauseAt([{ from: start - 50_000, to: start + 3_000 }], start, start + 5_000).pausedMs).toBe(
      3_000,
    );
  });

  it.each([
    // column, pausedMs, closes at (server ms)
    [0, 0, start + 15_000],
    [0, 60_000, start + 75_000], // the open column keeps its 11 s left after the resume at +64 s
    [1, 60_000, start + 90_000], // the next column its full 15 s
    [2, 60_000, start + 105_000],
    [2, 90_000, start + 135_000],
  ])('column %i, paused %i ms -> closes at start + …', (c, pausedMs, want) => {
    expect(columnClosesAt(c, start, t, pausedMs)).toBe(want);
  });

  // Each entry judged at its receipt time with the pauses since the start (the save path and replay alike).
  it.each([
    ['column 0 just before the pause', 0, start + 3_999, 'ok'],
    ['column 0 during the pause', 0, start + 30_000, 'paused'],
    ['column 1 during the pause (it would be open unshifted)', 1, start + 30_000, 'paused'],
    ['column 0 after the resume, within its 11 s left', 0, start + 74_000, 'ok'],
    ['column 0 at its shifted close + grace', 0, start + 77_000, 'ok'],
    ['column 0 one ms after its shifted close + grace', 0, start + 77_001, 'late'],
    ['column 1 after the resume, before its shifted open − grace', 1, start + 72_999, 'early'],
    ['column 1 in its shifted window', 1, start + 80_000, 'ok'],
    ['column 2 inside the open second pause', 2, start + 101_000, 'paused'],
    ['column 2 late without the pause would be ok', 2, start + 99_000, 'ok'],
  ] as const)('%s -> %s', (_n, column, at, want) => {
    expect(
      entryVerdict({ column, row: 0, digit: 1 }, at, start, t, grace, sheetPauseAt(pauses, start, at)),
    ).toBe(want);
  });

  it('without pauses the verdict is the unshifted one', () => {
    expect(
      entryVerdict(
        { column: 0, row: 0, digit: 1 },
        start + 17_001,
        start,
        t,
        grace,
        sheetPauseAt([], start, start + 17_001),
      ),
    ).toBe('late');
  });
});

// Pinned once from the implementation; a change here changes every sheet an auditor re-derives.
const PINNED_FIRST_COLUMN = [3, 1, 5, 7, 4, 8, 8, 5, 9, 1, 3, 9];
