// The room monitor's view over its rows: counts per state, the state/search filter and the sort orders. Pure: the
// server applies it to a whole room for sorted pages, the console to the rows it walked in regNo order.

export type RoomState = 'absent' | 'ready' | 'running' | 'paused' | 'submitted' | 'expired';
export type RoomSort = 'regNo' | 'name' | 'state' | 'remaining' | 'answered' | 'lastSave';

/** The fields of a monitor row the view reads. */
export interface RoomViewRow {
  regNo: string;
  name: string;
  state: RoomState;
  remainingMs: number | null;
  answered: number | null;
  lastSaveAt: number | null;
}

export interface RoomViewQuery {
  state?: RoomState;
  /** Case-insensitive substring of name or registration number. */
  q?: string;
  sort: RoomSort;
}

const STATE_ORDER: Record<RoomState, number> = {
  paused: 0,
  running: 1,
  ready: 2,
  absent: 3,
  submitted: 4,
  expired: 5,
};

const byRegNo = (a: RoomViewRow, b: RoomViewRow) => (a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : 0);
const COMPARE: Record<RoomSort, (a: RoomViewRow, b: RoomViewRow) => number> = {
  regNo: byRegNo,
  name: (a, b) => a.name.localeCompare(b.name) || byRegNo(a, b),
  state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || byRegNo(a, b),
  remaining: (a, b) =>
    (a.remainingMs ?? Number.MAX_SAFE_INTEGER) - (b.remainingMs ?? Number.MAX_SAFE_INTEGER) || byRegNo(a, b),
  answered: (a, b) => (a.answered ?? -1) - (b.answered ?? -1) || byRegNo(a, b),
  // Longest silence first: the rows a proctor should look at.
  lastSave: (a, b) =>
    (a.lastSaveAt ?? Number.MAX_SAFE_INTEGER) - (b.lastSaveAt ?? Number.MAX_SAFE_INTEGER) || byRegNo(a, b),
};

export const emptyRoomCounts = (): Record<RoomState, number> => ({
  absent: 0,
  ready: 0,
  running: 0,
  paused: 0,
  submitted: 0,
  expired: 0,
});

/** Counts of the whole room per state, and the rows that pass the filter in the asked order (a new array). */
export const roomView = <R extends RoomViewRow>(
  all: readonly R[],
  query: RoomViewQuery,
): { rows: R[]; counts: Record<RoomState, number> } => {
  const counts = emptyRoomCounts();
  for (const r of all) counts[r.state]++;
  const q = query.q?.toLowerCase();
  const rows = all.filter(
    (r) =>
      (query.state === undefined || r.state === query.state) &&
      (q === undefined || r.name.toLowerCase().includes(q) || r.regNo.toLowerCase().includes(q)),
  );
  rows.sort(COMPARE[query.sort]);
  return { rows, counts };
};
