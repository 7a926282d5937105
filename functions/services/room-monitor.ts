// The room monitor's data: every rostered candidate (absentees included) joined with their attempt's state.
// The roster (SESSION#id / CAND#regNo), the attempts (GSI1 SESSION#id / CAND#regNo) and the progress items
// (ROOM#id / A#regNo) share one order, the registration number: a page in that order (`page`) is one roster
// Query plus one range Query of each of the other two, so its cost follows the page, not the room. A sorted or
// filtered page (`rows`) needs the whole room: the same three queries over every partition, whatever the page.
// Totals are not read here (they would cost one read per finished attempt).
import type { AttemptMeta, RosterEntry, Session } from '../domain/attempt.ts';
import { type RoomSort, type RoomState, roomView } from '../domain/room-view.ts';
import { attemptIdFor } from '../domain/seed.ts';
import { deadlineOf, remainingMs } from '../domain/timing.ts';
import { roomCursor } from '../schemas/staff.ts';
import type { RoomProgress } from '../store/types.ts';
import { badCursor, decodeCursor, encodeCursor } from './cursor.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { canReachSession } from './scheduling.ts';

export type { RoomSort, RoomState } from '../domain/room-view.ts';

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
  /** Items answered as of the last recorded save (≤ 1 per attempt per 60 s, none in its first 60 s); null before any. */
  answered: number | null;
  /** Server time of the last recorded save (up to 60 s older than the real last save); null before any. */
  lastSaveAt: number | null;
}

export interface RoomQuery {
  state?: RoomState;
  /** Case-insensitive substring of name or registration number. */
  q?: string;
  sort: RoomSort;
  offset: number;
  limit: number;
}

type Viewer = { role: 'admin' | 'proctor' | 'auditor'; id: string };

/** Roster entries joined with their attempts and progress items (all keyed by registration number). */
const joinRows = (
  deps: Deps,
  session: Session,
  roster: readonly RosterEntry[],
  metas: readonly AttemptMeta[],
  progress: readonly RoomProgress[],
  now: number,
): RoomRow[] => {
  const byRegNo = new Map(metas.map((m) => [m.regNo, m]));
  const progressOf = new Map(progress.map((p) => [p.regNo, p]));
  return roster.map((e) => {
    const attemptId = attemptIdFor(deps.config.pinPepper, session.id, e.regNo);
    const m = byRegNo.get(e.regNo);
    const p = progressOf.get(e.regNo);
    const deadline = m ? deadlineOf(m) : null;
    const remaining = m && m.state !== 'submitted' && m.state !== 'expired' ? remainingMs(m, now) : null;
    return {
      regNo: e.regNo,
      name: e.name,
      attemptId,
      // Logged in but not started: 'ready' (the login wrote its progress item); else absent.
      state: m?.state ?? (p?.loggedInAt !== undefined ? 'ready' : 'absent'),
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
};

export const createRoomMonitor = (deps: Deps) => ({
  async rows(
    session: Session,
    viewer: { role: 'admin' | 'proctor' | 'auditor'; id: string },
    query: RoomQuery,
  ): Promise<{ rows: RoomRow[]; total: number; counts: Record<RoomState, number> }> {
    if (!canReachSession(viewer, session)) throw userError('FORBIDDEN.notAssigned');
    const [roster, metas, progress] = await Promise.all([
      deps.store.sessions.listRoster(session.id),
      deps.store.attempts.listBySession(session.id),
      deps.store.room.listProgress(session.id),
    ]);
    const all = joinRows(deps, session, roster, metas, progress, deps.clock());
    const { rows, counts } = roomView(all, query);
    return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length, counts };
  },

  /**
   * The room in registration-number order, `limit` rows after the cursor: the roster page (one Query, limit + 1
   * rows to know whether more follow), then the attempts and progress items of exactly that regNo range (one
   * Query each, in parallel). Next cursor null at the end. A cursor of another session is VALIDATION.cursor.
   */
  async page(
    session: Session,
    viewer: Viewer,
    query: { cursor?: string; limit: number },
  ): Promise<{ rows: RoomRow[]; next: string | null }> {
    if (!canReachSession(viewer, session)) throw userError('FORBIDDEN.notAssigned');
    const after = query.cursor === undefined ? undefined : decodeCursor(roomCursor, query.cursor);
    if (after && after.s !== session.id) throw badCursor();
    const entries = await deps.store.sessions.rosterPage(session.id, after?.r, query.limit + 1);
    const roster = entries.slice(0, query.limit);
    const first = roster[0];
    const last = roster.at(-1);
    if (!first || !last) return { rows: [], next: null };
    const [metas, progress] = await Promise.all([
      deps.store.attempts.listBySessionRange(session.id, first.regNo, last.regNo),
      deps.store.room.listProgressRange(session.id, first.regNo, last.regNo),
    ]);
    return {
      rows: joinRows(deps, session, roster, metas, progress, deps.clock()),
      next: entries.length > query.limit ? encodeCursor({ s: session.id, r: last.regNo }) : null,
    };
  },
});

export type RoomMonitor = ReturnType<typeof createRoomMonitor>;
