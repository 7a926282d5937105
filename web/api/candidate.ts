// Candidate endpoints, typed by the shared zod contract.
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
} from '../../functions/schemas/candidate.ts';
import { request } from './client.ts';

const base = (attemptId: string) => `/api/candidate/attempts/${encodeURIComponent(attemptId)}`;

export const candidateApi = {
  login: (body: CandidateLoginBody) =>
    request(candidateLoginResponse, 'POST', '/api/candidate/login', { body }),
  start: (token: string, attemptId: string) =>
    request(attemptStateView, 'POST', `${base(attemptId)}/start`, { token, body: {} }),
  state: (token: string, attemptId: string) => request(attemptStateView, 'GET', base(attemptId), { token }),
  brief: (token: string, attemptId: string) =>
    request(attemptBrief, 'GET', `${base(attemptId)}/brief`, { token }),
  signal: (token: string, attemptId: string, signal?: AbortSignal) =>
    request(attemptSignal, 'GET', `${base(attemptId)}/signal`, { token, signal }),
  form: (token: string, attemptId: string) =>
    request(publicForm, 'GET', `${base(attemptId)}/form`, { token }),
  save: (token: string, attemptId: string, steps: ClientStepInput[]) =>
    request(saveAnswersResponse, 'PUT', `${base(attemptId)}/answers`, { token, body: { steps } }),
  submit: (token: string, attemptId: string) =>
    request(resultView, 'POST', `${base(attemptId)}/submit`, { token, body: {} }),
  result: (token: string, attemptId: string) =>
    request(resultView, 'GET', `${base(attemptId)}/result`, { token }),
};
