// Admin/proctor endpoints, typed by the shared zod contract.
import { z } from 'zod';
import { withServerTime } from '../../functions/schemas/common.ts';
import {
  attemptListResponse,
  type StaffLoginBody,
  sessionListResponse,
  staffLoginResponse,
} from '../../functions/schemas/staff.ts';
import { request } from './client.ts';

/** Proctor operations answer with at least serverTime; the rest is not needed by this console. */
const ackResponse = z.object({ ...withServerTime });

export type ProctorAction = 'pause' | 'resume' | 'reset-device' | 'submit' | 'extend';

export const adminApi = {
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
