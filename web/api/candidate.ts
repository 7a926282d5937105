// Candidate endpoints, typed by the shared zod contract.

import { appealResponse, candidateAppealResponse } from '../../functions/schemas/appeals.ts';
import {
  attemptBrief,
  attemptSignal,
  attemptStateView,
  type CandidateLoginBody,
  type ClientStepInput,
  candidateLoginResponse,
  publicForm,
  resultView,
  saveAnswersResponse,
  startResponse,
} from '../../functions/schemas/candidate.ts';
import { request } from './client.ts';

const base = (attemptId: string) => `/api/candidate/attempts/${encodeURIComponent(attemptId)}`;

export const candidateApi = {
  login: (body: CandidateLoginBody) =>
    request(candidateLoginResponse, 'POST', '/api/candidate/login', { body }),
  /** The attempt's state with its form (one round trip; `form` reloads it later). */
  start: (token: string, attemptId: string) =>
    request(startResponse, 'POST', `${base(attemptId)}/start`, { token, body: {} }),
  state: (token: string, attemptId: string) => request(attemptStateView, 'GET', base(attemptId), { token }),
  brief: (token: string, attemptId: string) =>
    request(attemptBrief, 'GET', `${base(attemptId)}/brief`, { token }),
  signal: (token: string, attemptId: string, signal?: AbortSignal) =>
    request(attemptSignal, 'GET', `${base(attemptId)}/signal`, { token, signal }),
  form: (token: string, attemptId: string) =>
    request(publicForm, 'GET', `${base(attemptId)}/form`, { token }),
  /** `answered`: items answered on this device after the batch (the proctor's monitor shows it). */
  save: (token: string, attemptId: string, steps: ClientStepInput[], answered?: number) =>
    request(saveAnswersResponse, 'PUT', `${base(attemptId)}/answers`, { token, body: { steps, answered } }),
  submit: (token: string, attemptId: string) =>
    request(resultView, 'POST', `${base(attemptId)}/submit`, { token, body: {} }),
  result: (token: string, attemptId: string) =>
    request(resultView, 'GET', `${base(attemptId)}/result`, { token }),
  appeal: (token: string, attemptId: string) =>
    request(candidateAppealResponse, 'GET', `${base(attemptId)}/appeal`, { token }),
  fileAppeal: (token: string, attemptId: string, text: string) =>
    request(appealResponse, 'POST', `${base(attemptId)}/appeal`, { token, body: { text } }),
};
