// Psych endpoints: open a Kraepelin sheet, read the confidential psych report (candidate's own; staff any).
import {
  psychAttemptsView,
  psychExamsView,
  psychReportView,
  speedSheetView,
} from '../../functions/schemas/psych.ts';
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

/** Staff (admin or auditor, by the login's role): psych exams, their finished candidates, any report. */
export const staffPsychApi = (role: 'admin' | 'auditor', token: string) => {
  const root = `/api/${role}`;
  return {
    exams: () => request(psychExamsView, 'GET', `${root}/psych/exams`, { token }),
    attempts: (examId: string) =>
      request(psychAttemptsView, 'GET', `${root}/psych/exams/${encodeURIComponent(examId)}/attempts`, {
        token,
      }),
    report: (attemptId: string) =>
      request(psychReportView, 'GET', `${root}/attempts/${encodeURIComponent(attemptId)}/psych-report`, {
        token,
      }),
  };
};
