// Pure state of the Kraepelin sheet on screen: the open column from server time, the cursor, typed cells.

export interface SheetTiming {
  startedAt: number;
  /** Paused time since the start (from the server): every column deadline moves by it. */
  pausedMs: number;
  columnSeconds: number;
  columns: number;
}

/** Column open at server time `now` (0-based); `columns` once the last one has closed. */
export function openColumn(t: SheetTiming, now: number): number {
  const c = Math.floor((now - t.startedAt - t.pausedMs) / (t.columnSeconds * 1000));
  return Math.max(0, Math.min(t.columns, c));
}

/** Milliseconds left in column c at server time `now` (0 when closed). */
export function columnLeftMs(t: SheetTiming, c: number, now: number): number {
  return Math.max(0, t.startedAt + t.pausedMs + (c + 1) * t.columnSeconds * 1000 - now);
}

export const cellKey = (column: number, row: number): string => `${column}.${row}`;

/** First row of `column` without a typed digit (the cursor when a column opens or the page reloads). */
export function firstOpenRow(cells: ReadonlyMap<string, number>, column: number, additions: number): number {
  for (let r = 0; r < additions; r++) if (!cells.has(cellKey(column, r))) return r;
  return additions;
}
