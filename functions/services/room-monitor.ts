// The room monitor's data: every rostered candidate (absentees included) joined with their attempt's state.
// Store cost per refresh: the roster partition (one query, paged), the session's attempts (one GSI1 query,
// paged) and the session's progress partition (one query, paged: answered count, last save) — no read per
// candidate. Totals are not read here (they would cost one read per finished attempt).
import type { AttemptMeta, Session } from '../domain/attempt.ts';
import { attemptIdFor } from '../domain/seed.ts';
import { deadlineOf, remainingMs } from '../domain/timing.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { canReachSession } from './scheduling.ts';

export type RoomState = 'absent' | AttemptMeta['state'];

export interface RoomRow {
  regNo: string;
  name: string;
  attemptId: string;
  state: RoomState;
  startedAt: number | null;
  deadline: number | null;
  /** ms left (domain remainingMs: running counts down, paused is frozen, ready = full); null when done or absent. */
  remainingMs: number | null;
  /** Device handovers so far (device epoch − 1), 0 for absentees. */
  deviceChanges: number;
  /** A proctor approved a device handover; the new device has not logged in yet. */
  handoverOpen: boolean;
  extraMinutes: number;
  /** Items answered as of the last recorded save (written ≤ 1 per attempt per 30 s); null before any. */
  answered: number | null;
  /** Server time of the last recorded save (up to 30 s older than the real last save); null before any. */
  lastSaveAt: number | null;
}

export type RoomSort = 'regNo' | 'name' | 'state' | 'remaining' | 'answered' | 'lastSave';

export interface RoomQuery {
  state?: RoomState;
  /** Case-insensitive substring of name or registration number. */
  q?: string;
  sort: RoomSort;
  offset: number;
  limit: number;
}

const STATE_ORDER: Record<RoomState, number> = {
  paused: 0,
  running: 1,
  ready: 2,
  absent: 3,
  submitted: 4,
  expired: 5,
};

export const createRoomMonitor = (deps: Deps) => ({
  async rows(
    session: Session,
    viewer: { role: 'admin' | 'proctor' | 'auditor'; id: string },
    query: RoomQuery,
  ): Promise<{ rows: RoomRow[]; total: number; counts: Record<RoomState, number> }> {
    if (!canReachSession(viewer, session)) throw userError('FORBIDDEN.notAssigned');
    const now = deps.clock();
    const [roster, metas, progress] = await Promise.all([
      deps.store.sessions.listRoster(session.id),
      deps.store.attempts.listBySession(session.id),
      deps.store.room.listProgress(session.id),
    ]);
    const byId = new Map(metas.map((m) => [m.attemptId, m]));
    const progressOf = new Map(progress.map((p) => [p.attemptId, p]));
    const all: RoomRow[] = roster.map((e) => {
      const attemptId = attemptIdFor(deps.config.pinPepper, session.id, e.regNo);
      const m = byId.get(attemptId);
      const p = m ? progressOf.get(attemptId) : undefined;
      const deadline = m ? deadlineOf(m) : null;
      const remaining = m && m.state !== 'submitted' && m.state !== 'expired' ? remainingMs(m, now) : null;
      return {
        regNo: e.regNo,
        name: e.name,
        attemptId,
        // Logged in but not started: 'ready' (the login wrote its progress item); else absent.
        state: m?.state ?? (progressOf.get(attemptId)?.loggedInAt !== undefined ? 'ready' : 'absent'),
        startedAt: m?.startedAt ?? null,
        deadline,
        remainingMs: remaining,
        deviceChanges: m ? Math.max(0, m.deviceEpoch - 1) : 0,
        handoverOpen: m?.handoverOpen === true,
        extraMinutes: e.extraMinutes,
        answered: p?.answered ?? null,
        lastSaveAt: p?.lastSaveAt ?? null,
      };
    });
    const counts = { absent: 0, ready: 0, running: 0, paused: 0, submitted: 0, expired: 0 };
    for (const r of all) counts[r.state]++;
    const q = query.q?.toLowerCase();
    const filtered = all.filter(
      (r) =>
        (query.state === undefined || r.state === query.state) &&
        (q === undefined || r.name.toLowerCase().includes(q) || r.regNo.toLowerCase().includes(q)),
    );
    const cmp: Record<RoomSort, (a: RoomRow, b: RoomRow) => number> = {
      regNo: (a, b) => a.regNo.localeCompare(b.regNo),
      name: (a, b) => a.name.localeCompare(b.name) || a.regNo.localeCompare(b.regNo),
      state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.regNo.localeCompare(b.regNo),
      remaining: (a, b) =>
        (a.remainingMs ?? Number.MAX_SAFE_INTEGER) - (b.remainingMs ?? Number.MAX_SAFE_INTEGER) ||
        a.regNo.localeCompare(b.regNo),
      answered: (a, b) => (a.answered ?? -1) - (b.answered ?? -1) || a.regNo.localeCompare(b.regNo),
      // Longest silence first: the rows a proctor should look at.
      lastSave: (a, b) =>
        (a.lastSaveAt ?? Number.MAX_SAFE_INTEGER) - (b.lastSaveAt ?? Number.MAX_SAFE_INTEGER) ||
        a.regNo.localeCompare(b.regNo),
    };
    filtered.sort(cmp[query.sort]);
    return { rows: filtered.slice(query.offset, query.offset + query.limit), total: filtered.length, counts };
  },
});

export type RoomMonitor = ReturnType<typeof createRoomMonitor>;
