// Kraepelin/Pauli speed test: digit columns from the attempt seed, the answer key, server-side column timing.
import { DomainError } from '../errors.ts';
import { createPrng } from '../prng.ts';
import type { PauseSpan } from '../replay.ts';
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

export type EntryVerdict = 'ok' | 'late' | 'early' | 'outOfRange' | 'paused';

/** The attempt clock's pauses as seen at one instant: paused time since the sheet's start, and paused now. */
export interface SheetPause {
  /** Milliseconds the attempt was paused between the sheet's start and the instant. */
  pausedMs: number;
  /** The instant lies strictly inside a pause (entries then are refused). */
  paused: boolean;
}

export const NO_PAUSE: SheetPause = { pausedMs: 0, paused: false };

/**
 * The sheet's pause state at server time `at`: pausedMs = Σ over pauses of the overlap of [from, to] with
 * [startedAt, at] (an open pause runs to `at`); paused = some pause has from < at < to (at its exact start
 * or end an entry is not paused: the step order counts a same-millisecond client step before the pause).
 */
export function sheetPauseAt(pauses: readonly PauseSpan[], startedAt: number, at: number): SheetPause {
  let pausedMs = 0;
  let paused = false;
  for (const p of pauses) {
    const to = p.to ?? Number.POSITIVE_INFINITY;
    pausedMs += Math.max(0, Math.min(to, at) - Math.max(p.from, startedAt));
    if (p.from < at && at < to) paused = true;
  }
  return { pausedMs, paused };
}

/**
 * Server time column c (0-based) closes, once the sheet has been paused `pausedMs` since its start:
 * startedAt + pausedMs + (c + 1) · columnSeconds s. The open column keeps the time it had left when the
 * pause began; every later column keeps its full time.
 */
export const columnClosesAt = (
  c: number,
  startedAt: number,
  cfg: KraepelinConfig,
  pausedMs: number,
): number => startedAt + pausedMs + columnWindow(c, cfg.columnSeconds).closesMs;

/** The entry names no cell of the sheet (column, row or digit out of range): it can never be tallied. */
export const outsideSheet = ({ column, row, digit }: KraepelinEntry, cfg: KraepelinConfig): boolean =>
  !Number.isInteger(column) ||
  column < 0 ||
  column >= cfg.columns ||
  !Number.isInteger(row) ||
  row < 0 ||
  row >= cfg.rows - 1 ||
  !Number.isInteger(digit) ||
  digit < 0 ||
  digit > 9;

/**
 * Server-side acceptance of an entry received at `at` (server ms) for a test started at `startedAt`, with
 * `pause` the attempt's pauses since the start (sheetPauseAt): outOfRange if column/row/digit is outside the
 * sheet; paused if received during a pause; with e = at − startedAt − pause.pausedMs the sheet's own
 * elapsed time, late if e > closesMs(column) + graceMs, early if e < opensMs(column) − graceMs; else ok.
 * The client's clock never enters.
 */
export function entryVerdict(
  entry: KraepelinEntry,
  at: number,
  startedAt: number,
  cfg: KraepelinConfig,
  graceMs: number,
  pause: SheetPause = NO_PAUSE,
): EntryVerdict {
  if (outsideSheet(entry, cfg)) return 'outOfRange';
  if (pause.paused) return 'paused';
  const elapsed = at - startedAt - pause.pausedMs;
  const w = columnWindow(entry.column, cfg.columnSeconds);
  if (elapsed > w.closesMs + graceMs) return 'late';
  if (elapsed < w.opensMs - graceMs) return 'early';
  return 'ok';
}
