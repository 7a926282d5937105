// Staff console endpoints over the admin API (sessions, rosters, staff, formations, candidates, results), typed here.
import { z } from 'zod';
import { issuedPin, type ScheduleBody, type SessionEditBody } from '../../functions/schemas/scheduling.ts';
import { sessionView, staffRole } from '../../functions/schemas/staff.ts';
import { request } from './client.ts';
import { ApiError } from './errors.ts';

const enc = encodeURIComponent;
const serverTime = { serverTime: z.number() };
const sessionResponse = z.object({ session: sessionView, ...serverTime });

export const staffEntry = z.object({
  id: z.string(),
  name: z.string(),
  role: staffRole,
  disabled: z.boolean().optional(),
});
export type StaffEntry = z.infer<typeof staffEntry>;

export const formationRow = z.object({
  id: z.string(),
  position: z.string(),
  agencyUnit: z.string(),
  openings: z.number(),
  formationType: z.string(),
});
export type FormationRow = z.infer<typeof formationRow>;

export const candidateRow = z.object({
  regNo: z.string(),
  name: z.string(),
  birthDate: z.string(),
  formationId: z.string(),
  formationType: z.string(),
  education: z.string(),
  extraMinutes: z.number(),
  sessionId: z.string().optional(),
});
export type CandidateRow = z.infer<typeof candidateRow>;

export const rosterRow = z.object({
  regNo: z.string(),
  name: z.string(),
  formationId: z.string(),
  formationType: z.string(),
  extraMinutes: z.number(),
  hasPin: z.boolean(),
});
export type RosterRow = z.infer<typeof rosterRow>;

export const resultRow = z.object({
  attemptId: z.string(),
  regNo: z.string(),
  name: z.string(),
  formationId: z.string(),
  sections: z.record(z.string(), z.number()),
  total: z.number(),
  passed: z.boolean().nullable(),
  logHash: z.string(),
});
export type ResultRow = z.infer<typeof resultRow>;

export const itemStat = z.object({
  itemId: z.string(),
  sectionId: z.string(),
  served: z.number(),
  p: z.number(),
  pointBiserial: z.number().nullable(),
  choices: z.record(z.string(), z.number()),
  omitted: z.number(),
  flags: z.array(z.string()),
});
export type ItemStatRow = z.infer<typeof itemStat>;
export const sectionReliability = z.object({
  sectionId: z.string(),
  method: z.enum(['kr20', 'alpha', 'split-half']),
  value: z.number().nullable(),
  candidates: z.number(),
  itemsPerForm: z.number(),
});

/** One reason an assignment or a schedule change was refused (the API's error details). */
export const refusal = z.object({
  sessionId: z.string().optional(),
  regNo: z.string().optional(),
  reason: z.enum(['overlap', 'capacity', 'cancelled', 'unregistered']).optional(),
  other: z.string().optional(),
  message: z.string().optional(),
});
export type Refusal = z.infer<typeof refusal>;
/** The refusals an ApiError carries, if any. */
export const refusalsOf = (err: unknown): Refusal[] => {
  if (!(err instanceof ApiError)) return [];
  const parsed = z.object({ problems: z.array(refusal) }).safeParse(err.details);
  return parsed.success ? parsed.data.problems : [];
};

const assigned = z.object({ assigned: z.number(), unassigned: z.number().optional(), ...serverTime });

export const examSummary = z.object({ id: z.string(), title: z.string(), version: z.number() });
export type ExamSummary = z.infer<typeof examSummary>;

export const auditEntry = z.object({
  seq: z.number(),
  at: z.number(),
  actor: z.object({ role: z.string(), id: z.string().optional() }),
  action: z.string(),
  target: z.string(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  hash: z.string(),
});
export type AuditEntryRow = z.infer<typeof auditEntry>;
export const auditVerdict = z.union([
  z.object({ ok: z.literal(true), entries: z.number(), head: z.string() }),
  z.object({ ok: z.literal(false), seq: z.number(), problem: z.string() }),
]);

export const consoleApi = {
  auditLog: (token: string, day: string) =>
    request(
      z.object({ day: z.string(), entries: z.array(auditEntry), verdict: auditVerdict, ...serverTime }),
      'GET',
      `/api/admin/audit-log?day=${enc(day)}`,
      { token },
    ),
  exams: (token: string) =>
    request(z.object({ exams: z.array(examSummary), ...serverTime }), 'GET', '/api/admin/exams', { token }),
  schedule: (token: string, body: ScheduleBody) =>
    request(sessionResponse, 'POST', '/api/admin/sessions', { token, body }),
  editSession: (token: string, sessionId: string, body: SessionEditBody) =>
    request(sessionResponse, 'PATCH', `/api/admin/sessions/${enc(sessionId)}`, { token, body }),
  cancelSession: (token: string, sessionId: string, reason: string) =>
    request(sessionResponse, 'POST', `/api/admin/sessions/${enc(sessionId)}/cancel`, {
      token,
      body: { reason },
    }),
  setProctors: (token: string, sessionId: string, proctorIds: string[]) =>
    request(sessionResponse, 'PUT', `/api/admin/sessions/${enc(sessionId)}/proctors`, {
      token,
      body: { proctorIds },
    }),
  roster: (token: string, sessionId: string) =>
    request(
      z.object({ session: sessionView, roster: z.array(rosterRow), ...serverTime }),
      'GET',
      `/api/admin/sessions/${enc(sessionId)}/roster`,
      { token },
    ),
  assign: (token: string, sessionId: string, regNos: string[]) =>
    request(assigned, 'POST', `/api/admin/sessions/${enc(sessionId)}/roster`, { token, body: { regNos } }),
  assignFromImport: (token: string) =>
    request(assigned, 'POST', '/api/admin/rosters/from-import', { token, body: {} }),
  autoAssign: (token: string, sessionIds: string[]) =>
    request(assigned, 'POST', '/api/admin/rosters/auto', { token, body: { sessionIds } }),
  regeneratePin: (token: string, sessionId: string, regNo: string, reason: string) =>
    request(
      z.object({ pin: issuedPin, ...serverTime }),
      'POST',
      `/api/admin/sessions/${enc(sessionId)}/candidates/${enc(regNo)}/regenerate-pin`,
      { token, body: { reason } },
    ),

  staff: (token: string) =>
    request(z.object({ staff: z.array(staffEntry), ...serverTime }), 'GET', '/api/admin/staff', { token }),
  createStaff: (
    token: string,
    body: { id: string; name: string; role: StaffEntry['role']; password: string },
  ) => request(z.object({ user: staffEntry, ...serverTime }), 'POST', '/api/admin/staff', { token, body }),
  setDisabled: (token: string, userId: string, disabled: boolean, reason: string) =>
    request(
      z.object({ user: staffEntry, ...serverTime }),
      'POST',
      `/api/admin/staff/${enc(userId)}/disabled`,
      {
        token,
        body: { disabled, reason },
      },
    ),
  resetPassword: (token: string, userId: string, password: string, reason: string) =>
    request(
      z.object({ user: staffEntry, ...serverTime }),
      'POST',
      `/api/admin/staff/${enc(userId)}/password`,
      {
        token,
        body: { password, reason },
      },
    ),

  formations: (token: string) =>
    request(z.object({ formations: z.array(formationRow), ...serverTime }), 'GET', '/api/admin/formations', {
      token,
    }),
  editFormation: (token: string, f: FormationRow) => {
    const { id, ...body } = f;
    return request(
      z.object({ formation: formationRow, ...serverTime }),
      'PUT',
      `/api/admin/formations/${enc(id)}`,
      { token, body },
    );
  },
  /** One page of the candidates in force; `cursor` is a page's `next` / `prev` (none = the first page). */
  candidates: (token: string, cursor: string | undefined, limit: number) =>
    request(
      z.object({
        candidates: z.array(candidateRow),
        total: z.number(),
        offset: z.number(),
        next: z.string().nullable(),
        prev: z.string().nullable(),
        import: z
          .object({ importId: z.string(), rows: z.number(), at: z.number(), by: z.string() })
          .nullable(),
        ...serverTime,
      }),
      'GET',
      `/api/admin/candidates?limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`,
      { token },
    ),

  sessionResults: (token: string, sessionId: string) =>
    request(
      z.object({ results: z.array(resultRow), sectionIds: z.array(z.string()), ...serverTime }),
      'GET',
      `/api/admin/sessions/${enc(sessionId)}/results`,
      { token },
    ),
  formationResults: (token: string, formationId: string) =>
    request(
      z.object({ results: z.array(resultRow), sectionIds: z.array(z.string()), ...serverTime }),
      'GET',
      `/api/admin/formations/${enc(formationId)}/results`,
      { token },
    ),
  itemStatistics: (token: string, sessionId: string) =>
    request(
      z.object({ items: z.array(itemStat), sections: z.array(sectionReliability), ...serverTime }),
      'GET',
      `/api/admin/sessions/${enc(sessionId)}/item-statistics`,
      { token },
    ),
};

/**
 * Downloads an authorized export (CSV, JSON) as a file named by the server's content-disposition, else
 * `fallbackName` (the bytes as sent: a CSV's BOM kept).
 */
export async function downloadFile(token: string, path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      res.status,
      json?.error?.code ?? 'UNKNOWN',
      json?.error?.message ?? `HTTP ${res.status}`,
    );
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
