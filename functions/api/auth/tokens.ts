// Session tokens: short-lived HS256 JWTs (hono/jwt) with role claims; verified tokens are cached per process.
import { sign, verify } from 'hono/jwt';
import { DomainError } from '../../domain/errors.ts';

export type Role = 'candidate' | 'admin' | 'proctor' | 'auditor';

export interface CandidateClaims {
  role: 'candidate';
  sub: string; // registration number
  sid: string; // session id
  aid: string; // attempt id
  dev: number; // device epoch
  exp: number;
}
export interface StaffClaims {
  role: 'admin' | 'proctor' | 'auditor';
  sub: string; // user id
  exp: number;
}
export type Claims = CandidateClaims | StaffClaims;

export const signToken = (claims: Claims, secret: string): Promise<string> =>
  sign({ ...claims }, secret, 'HS256');

const CACHE_MAX = 20_000;
const verified = new Map<string, Claims>();

const isClaims = (p: Record<string, unknown>): p is Claims & Record<string, unknown> => {
  if (typeof p.sub !== 'string' || typeof p.exp !== 'number') return false;
  if (p.role === 'candidate')
    return typeof p.sid === 'string' && typeof p.aid === 'string' && typeof p.dev === 'number';
  return p.role === 'admin' || p.role === 'proctor' || p.role === 'auditor';
};

/** Verifies signature and expiry. A token verified once is remembered (until it expires) so the save path pays once. */
export const verifyToken = async (token: string, secret: string, nowMs: number): Promise<Claims> => {
  const cached = verified.get(token);
  if (cached) {
    if (cached.exp * 1000 > nowMs) return cached;
    verified.delete(token);
  }
  let payload: Record<string, unknown>;
  try {
    payload = (await verify(token, secret, { alg: 'HS256', exp: false })) as Record<string, unknown>;
  } catch {
    throw new DomainError('UNAUTHENTICATED', 'Token tidak valid / Invalid token');
  }
  if (!isClaims(payload)) throw new DomainError('UNAUTHENTICATED', 'Token tidak valid / Invalid token');
  if (payload.exp * 1000 <= nowMs)
    throw new DomainError('UNAUTHENTICATED', 'Token kedaluwarsa / Token expired');
  if (verified.size >= CACHE_MAX) verified.clear();
  verified.set(token, payload);
  return payload;
};
