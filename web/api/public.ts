// Public endpoints (no login): signed rankings and inclusion proofs, typed by the shared zod contract.
import { proofResponse, publicationResponse, scoreboardResponse } from '../../functions/schemas/public.ts';
import { request } from './client.ts';

const base = (pubId: string) => `/api/public/rankings/${encodeURIComponent(pubId)}`;

export const publicApi = {
  scoreboard: (sessionId: string) =>
    request(scoreboardResponse, 'GET', `/api/public/sessions/${encodeURIComponent(sessionId)}/scoreboard`),
  ranking: (pubId: string) => request(publicationResponse, 'GET', base(pubId)),
  proof: (pubId: string, pseudonym: string) =>
    request(proofResponse, 'GET', `${base(pubId)}/proofs/${encodeURIComponent(pseudonym)}`),
};
