// Auditor endpoints, typed by the shared zod contract.
import { appealListResponse } from '../../functions/schemas/appeals.ts';
import { auditorSessionsResponse, type BundleBody, bundleResponse } from '../../functions/schemas/auditor.ts';
import { type StaffLoginBody, staffLoginResponse } from '../../functions/schemas/staff.ts';
import { request } from './client.ts';

export const auditorApi = {
  login: (body: StaffLoginBody) => request(staffLoginResponse, 'POST', '/api/auditor/login', { body }),
  appeals: (token: string) => request(appealListResponse, 'GET', '/api/auditor/appeals', { token }),
  sessions: (token: string) => request(auditorSessionsResponse, 'GET', '/api/auditor/sessions', { token }),
  bundle: (token: string, body: BundleBody) =>
    request(bundleResponse, 'POST', '/api/auditor/bundles', { token, body }),
};
