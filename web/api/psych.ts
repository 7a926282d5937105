// Psych endpoints: open a Kraepelin sheet, read the confidential psych report (candidate's own).
import { psychReportView, speedSheetView } from '../../functions/schemas/psych.ts';
import { request } from './client.ts';

const base = (attemptId: string) => `/api/candidate/attempts/${encodeURIComponent(attemptId)}`;

export const psychApi = {
  openSheet: (token: string, attemptId: string, itemId: string) =>
    request(speedSheetView, 'POST', `${base(attemptId)}/speed/${encodeURIComponent(itemId)}/open`, {
      token,
      body: {},
    }),
  report: (token: string, attemptId: string) =>
    request(psychReportView, 'GET', `${base(attemptId)}/psych-report`, { token }),
};
