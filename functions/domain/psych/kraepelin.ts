// Kraepelin/Pauli speed test: digit columns from the attempt seed, the answer key, server-side column timing.
import { DomainError } from '../errors.ts';
import { createPrng } from '../prng.ts';
import { sha256Hex } from '../seed.ts';

export interface KraepelinConfig {
  /** Number of columns (one per time slot). */
  columns: number;
  /** Digits per column; a column has rows − 1 additions. */
  rows: number;
  /** Seconds each column is open; the next opens when it closes. */
  columnSeconds: number;
}

/** One typed answer: the last digit of digits[column][row] + digits[column][row + 1]. 0-based indices. */
export interface KraepelinEntry {
  column: number;
  row: number;
  digit: number;
}

/** Inclusive bounds of a sheet's configuration (also the speed kind's shape check). */
export const KRAEPELIN_LIMITS = {
  columns: [1, 100],
  rows: [2, 100],
  columnSeconds: [1, 600],
} as const satisfies Record<keyof KraepelinConfig, readonly [number, number]>;

export function checkConfig(cfg: KraepelinConfig): void {
  const ok = (['columns', 'rows', 'columnSeconds'] as const).every((f) => {
    const [lo, hi] = KRAEPELIN_LIMITS[f];
    return Number.isInteger(cfg[f]) && cfg[f] >= lo && cfg[f] <= hi;
  });
  if (!ok) throw new DomainError('VALIDATION', 'kraepelin: 1..100 columns, 2..100 rows, 1..600 s per column');
}

/** Seed of one speed item's digit stream: SHA-256 hex of `${attemptSeed}|kraepelin|${itemId}`. */
export const kraepelinSeed = (attemptSeed: string, itemId: string): string =>
  sha256Hex(`${attemptSeed}|kraepelin|${itemId}`);

/**
 * The digit columns: one sfc32 stream seeded by kraepelinSeed(); columns filled in order, top to bottom,
 * each digit = 1 + floor(r · 9) (digits 1..9, as on paper Kraepelin sheets). Same inputs, same columns.
 */
export function kraepelinColumns(attemptSeed: string, itemId: string, cfg: KraepelinConfig): number[][] {
  checkConfig(cfg);
  const rand = createPrng(kraepelinSeed(attemptSeed, itemId));
  const out: number[][] = [];
  for (let c = 0; c < cfg.columns; c++) {
    const col: number[] = [];
    for (let r = 0; r < cfg.rows; r++) col.push(1 + Math.floor(rand() * 9));
    out.push(col);
  }
  return out;
}

/** The key of one column: (d[i] + d[i+1]) mod 10 for i = 0..rows−2. */
export const columnKey = (column: readonly number[]): number[] =>
  column.slice(1).map((d, i) => ((column[i] as number) + d) % 10);

/** Milliseconds since the test's start at which column c (0-based) opens and closes. */
export const columnWindow = (
  column: number,
  columnSeconds: number,
): { opensMs: number; closesMs: number } => ({
  opensMs: column * columnSeconds * 1000,
  closesMs: (column + 1) * columnSeconds * 1000,
});

/** Column open at `elapsedMs` since the start (0-based), or null once the last column has closed. */
export function currentColumn(elapsedMs: number, cfg: KraepelinConfig): number | null {
  if (elapsedMs < 0) return 0;
  const c = Math.floor(elapsedMs / (cfg.columnSeconds * 1000));
  return c < cfg.columns ? c : null;
}

export type EntryVerdict = 'ok' | 'late' | 'early' | 'outOfRange';

/**
 * Server-side acceptance of an entry received at `at` (server ms) for a test started at `startedAt`:
 * outOfRange if column/row/digit is outside the sheet; late if at > startedAt + closesMs(column) + graceMs;
 * early if at < startedAt + opensMs(column) − graceMs; else ok. The client's clock never enters.
 */
export function entryVerdict(
  entry: KraepelinEntry,
  at: number,
  startedAt: number,
  cfg: KraepelinConfig,
  graceMs: number,
): EntryVerdict {
  const { column, row, digit } = entry;
  if (
    !Number.isInteger(column) ||
    column < 0 ||
    column >= cfg.columns ||
    !Number.isInteger(row) ||
    row < 0 ||
    row >= cfg.rows - 1 ||
    !Number.isInteger(digit) ||
    digit < 0 ||
    digit > 9
  )
    return 'outOfRange';
  const w = columnWindow(column, cfg.columnSeconds);
  if (at > startedAt + w.closesMs + graceMs) return 'late';
  if (at < startedAt + w.opensMs - graceMs) return 'early';
  return 'ok';
}
