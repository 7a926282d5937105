// Staff API contract: admin/proctor/auditor login, sessions, attempts monitor, proctor operations.
import { z } from 'zod';
import { id, regNo, withServerTime } from './common.ts';

export const staffLoginBody = z.object({
  username: z.string().trim().min(3).max(64),
  password: z.string().min(8).max(256),
});
export type StaffLoginBody = z.infer<typeof staffLoginBody>;

export const staffRole = z.enum(['admin', 'proctor', 'auditor']);
export type StaffRole = z.infer<typeof staffRole>;

export const staffLoginResponse = z.object({
  token: z.string(),
  role: staffRole,
  name: z.string(),
  ...withServerTime,
});

export const sessionView = z.object({
  id,
  examId: id,
  /** The exam version the session serves (a newer version of the exam never changes it). */
  examVersion: z.number().int().optional(),
  title: z.string(),
  site: z.string(),
  opensAt: z.number().int(),
  closesAt: z.number().int(),
  capacity: z.number().int(),
  pinsReleased: z.boolean(),
  secretCommitment: z.string(),
  room: z.string().optional(),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']).optional(),
  proctors: z.array(z.string()).optional(),
  cancelledAt: z.number().int().optional(),
  cancelReason: z.string().optional(),
});
export type SessionView = z.infer<typeof sessionView>;
export const sessionListResponse = z.object({ sessions: z.array(sessionView), ...withServerTime });

export const attemptSummary = z.object({
  attemptId: id,
  regNo: z.string(),
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  startedAt: z.number().int(),
  deadline: z.number().int(),
  deviceEpoch: z.number().int(),
  /** A handover is approved and waits for the new device's login. */
  handoverOpen: z.boolean(),
  total: z.number().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummary>;
export const attemptListResponse = z.object({ attempts: z.array(attemptSummary), ...withServerTime });

export const proctorActionBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const extendBody = proctorActionBody.extend({ minutes: z.number().int().min(1).max(240) });
/** Bulk room action: one reason for all; minutes for extend; optionally only these attempts of the room. */
export const roomActionBody = proctorActionBody.extend({
  attemptIds: z.array(id).min(1).max(5000).optional(),
});
export const roomExtendBody = roomActionBody.extend({ minutes: z.number().int().min(1).max(240) });
export const paginationQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** One-click unlock of login rate limits: every counter of a login name, or of a client address. */
export const loginLimitClearBody = z.union([
  z.object({ kind: z.enum(['candidate', 'staff']), key: z.string().trim().min(1).max(64) }).strict(),
  z.object({ kind: z.enum(['candidate', 'staff']), address: z.string().trim().min(1).max(64) }).strict(),
]);
export type LoginLimitClearBody = z.infer<typeof loginLimitClearBody>;

/** The room monitor (GET /sessions/:id/room): one row per rostered candidate, absentees included. */
export const roomState = z.enum(['absent', 'ready', 'running', 'paused', 'submitted', 'expired']);
export type RoomStateView = z.infer<typeof roomState>;
export const roomRow = z.object({
  regNo: z.string(),
  name: z.string(),
  attemptId: id,
  state: roomState,
  startedAt: z.number().int().nullable(),
  deadline: z.number().int().nullable(),
  remainingMs: z.number().int().nullable(),
  deviceChanges: z.number().int(),
  handoverOpen: z.boolean(),
  extraMinutes: z.number().int(),
  answered: z.number().int().nullable(),
  lastSaveAt: z.number().int().nullable(),
});
export type RoomRowView = z.infer<typeof roomRow>;
export const roomSort = z.enum(['regNo', 'name', 'state', 'remaining', 'answered', 'lastSave']);
export type RoomSortView = z.infer<typeof roomSort>;
export const roomResponse = z.object({
  rows: z.array(roomRow),
  total: z.number().int(),
  counts: z.record(roomState, z.number().int()),
  offset: z.number().int(),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  ...withServerTime,
});
/** A room-monitor page cursor once decoded: the session and the last registration number of the page before. */
export const roomCursor = z.object({ s: id, r: regNo }).strict();
/** GET /sessions/:id/room/rows: the room in regNo order, a page after the cursor (none = the first page). */
export const roomPageQuery = z
  .object({
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .strict();
export const roomPageResponse = z.object({
  rows: z.array(roomRow),
  next: z.string().nullable(),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  ...withServerTime,
});
export const roomActionResponse = z.object({
  applied: z.array(id),
  failed: z.array(z.object({ attemptId: id, code: z.string() })),
  ...withServerTime,
});
