// Admin/proctor endpoints, typed by the shared zod contract.
import { z } from 'zod';
import { appealListResponse, appealResponse } from '../../functions/schemas/appeals.ts';
import { withServerTime } from '../../functions/schemas/common.ts';
import {
  attemptListResponse,
  type RoomSortView,
  type RoomStateView,
  roomActionResponse,
  roomPageResponse,
  roomResponse,
  type StaffLoginBody,
  sessionListResponse,
  staffLoginResponse,
} from '../../functions/schemas/staff.ts';
import { request } from './client.ts';

/** Proctor operations answer with at least serverTime; the rest is not needed by this console. */
const ackResponse = z.object({ ...withServerTime });

export type ProctorAction = 'pause' | 'resume' | 'reset-device' | 'submit' | 'extend';

export type RoomBulkAction = 'pause' | 'resume' | 'extend';

export interface RoomQuery {
  sort: RoomSortView;
  state?: RoomStateView;
  q?: string;
  offset?: number;
  limit?: number;
}

const roomPath = (sessionId: string) => `/api/admin/sessions/${encodeURIComponent(sessionId)}/room`;

export const adminApi = {
  room: (token: string, sessionId: string, q: RoomQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({
      sort: q.sort,
      offset: String(q.offset ?? 0),
      limit: String(q.limit ?? 1000),
    });
    if (q.state) params.set('state', q.state);
    if (q.q) params.set('q', q.q);
    return request(roomResponse, 'GET', `${roomPath(sessionId)}?${params}`, { token, signal });
  },
  /** The room in registration-number order, one page after `cursor` (a page's `next`; none = the first). */
  roomPage: (
    token: string,
    sessionId: string,
    cursor: string | undefined,
    limit: number,
    signal?: AbortSignal,
  ) =>
    request(
      roomPageResponse,
      'GET',
      `${roomPath(sessionId)}/rows?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token, signal },
    ),
  roomAction: (token: string, sessionId: string, action: RoomBulkAction, reason: string, minutes?: number) =>
    request(roomActionResponse, 'POST', `${roomPath(sessionId)}/${action}`, {
      token,
      body: action === 'extend' ? { reason, minutes } : { reason },
    }),
  appeals: (token: string) => request(appealListResponse, 'GET', '/api/admin/appeals', { token }),
  resolveAppeal: (token: string, attemptId: string, decision: 'upheld' | 'rejected', reason: string) =>
    request(appealResponse, 'POST', `/api/admin/appeals/${encodeURIComponent(attemptId)}/resolve`, {
      token,
      body: { decision, reason },
    }),
  login: (body: StaffLoginBody) => request(staffLoginResponse, 'POST', '/api/admin/login', { body }),
  sessions: (token: string) => request(sessionListResponse, 'GET', '/api/admin/sessions', { token }),
  attempts: (token: string, sessionId: string) =>
    request(attemptListResponse, 'GET', `/api/admin/sessions/${encodeURIComponent(sessionId)}/attempts`, {
      token,
    }),
  releasePins: (token: string, sessionId: string) =>
    request(ackResponse, 'POST', `/api/admin/sessions/${encodeURIComponent(sessionId)}/release-pins`, {
      token,
      body: {},
    }),
  proctor: (token: string, attemptId: string, action: ProctorAction, reason: string, minutes?: number) =>
    request(ackResponse, 'POST', `/api/admin/attempts/${encodeURIComponent(attemptId)}/${action}`, {
      token,
      body: action === 'extend' ? { reason, minutes } : { reason },
    }),
};
