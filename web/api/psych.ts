// Psych endpoints: open a Kraepelin sheet, read the confidential psych report (candidate's own; staff any).

import { z } from 'zod';
import { withServerTime } from '../../functions/schemas/common.ts';
import {
  psychAttemptsView,
  psychExamsView,
  psychReportView,
  speedSheetView,
} from '../../functions/schemas/psych.ts';
import { type PsychNormsBody, psychNormsView } from '../../functions/schemas/psych-norms.ts';
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

const normsResponse = z.object({ norms: psychNormsView, ...withServerTime });

/** An exam's norm settings (admins only): the norm group its reports use, an imported table, cut-offs. */
export const psychNormsApi = {
  get: (token: string, examId: string) =>
    request(normsResponse, 'GET', `/api/admin/exams/${encodeURIComponent(examId)}/psych-norms`, { token }),
  put: (token: string, examId: string, body: PsychNormsBody) =>
    request(normsResponse, 'PUT', `/api/admin/exams/${encodeURIComponent(examId)}/psych-norms`, {
      token,
      body,
    }),
};
