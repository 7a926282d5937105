// Kraepelin measures from the work: per-column tallies, speed, accuracy, stability and endurance.
import { columnKey, type KraepelinEntry } from './kraepelin.ts';

export interface ColumnTally {
  /** Entries matching the key. */
  correct: number;
  /** Entries not matching the key. */
  errors: number;
  /** Rows left blank above the lowest row answered in the column (reached but not answered). */
  skipped: number;
  /** Rows reached: lowest answered row + 1 (0 when the column has no entry). */
  reached: number;
}

export interface KraepelinMeasures {
  columns: number;
  /** Correct per column: the work curve. */
  curve: number[];
  /** Speed (panker): mean correct per column. */
  panker: number;
  /** Accuracy (tianker): total errors + total skipped (lower is better). */
  tianker: number;
  /** Stability (janker): max − min of per-column correct, and mean absolute deviation from their mean. */
  jankerRange: number;
  jankerMad: number;
  /** Endurance (hanker): least-squares slope of correct over column number 1..n (0 with one column). */
  hanker: number;
}

/**
 * Tallies the entries against the digit columns. The last entry per (column, row) in the given order
 * counts (later corrections overwrite). Entries outside the sheet are ignored.
 */
export function tallyColumns(
  digits: readonly (readonly number[])[],
  entries: readonly KraepelinEntry[],
): ColumnTally[] {
  const keys = digits.map((col) => columnKey(col));
  const last = keys.map(() => new Map<number, number>());
  for (const e of entries) {
    const key = keys[e.column];
    if (!key || e.row < 0 || e.row >= key.length) continue;
    last[e.column]?.set(e.row, e.digit);
  }
  return keys.map((key, c) => {
    const answers = last[c] as Map<number, number>;
    let correct = 0;
    let errors = 0;
    let reached = 0;
    for (const [row, digit] of answers) {
      if (digit === key[row]) correct++;
      else errors++;
      reached = Math.max(reached, row + 1);
    }
    return { correct, errors, skipped: reached - answers.size, reached };
  });
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;

/** Least-squares slope of ys over x = 1..n: Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²; 0 when n < 2. */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const xBar = (n + 1) / 2;
  const yBar = mean(ys);
  let num = 0;
  let den = 0;
  ys.forEach((y, i) => {
    const dx = i + 1 - xBar;
    num += dx * (y - yBar);
    den += dx * dx;
  });
  return num / den;
}

/** The four measures over all columns of the sheet (columns with no entry count as 0 correct). */
export function kraepelinMeasures(tallies: readonly ColumnTally[]): KraepelinMeasures {
  const curve = tallies.map((t) => t.correct);
  const m = mean(curve);
  return {
    columns: curve.length,
    curve,
    panker: m,
    tianker: tallies.reduce((s, t) => s + t.errors + t.skipped, 0),
    jankerRange: curve.length === 0 ? 0 : Math.max(...curve) - Math.min(...curve),
    jankerMad: mean(curve.map((k) => Math.abs(k - m))),
    hanker: slope(curve),
  };
}
