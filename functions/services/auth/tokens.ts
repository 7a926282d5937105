// Session tokens: short-lived HS256 JWTs (node:crypto HMAC) with role claims; verified tokens are cached per process.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { userError } from '../errors.ts';

export type Role = 'candidate' | 'admin' | 'proctor' | 'auditor';

export interface CandidateClaims {
  role: 'candidate';
  sub: string; // registration number
  sid: string; // session id
  aid: string; // attempt id
  dev: number; // device epoch
  dn?: string; // device nonce: which device of that epoch (one device per attempt)
  ro?: true; // read-only: logged in after the session closed (result and appeal only; no start, no saves)
  /**
   * The roster entry's start inputs as login read them: start needs no roster read of its own. Roster
   * entries are written once, at assignment, and change afterwards only in their PIN hash.
   */
  ros?: RosterCopy;
  exp: number;
}
/** formation id, formation type, extra minutes of a roster entry. */
export interface RosterCopy {
  fid: string;
  fty: string;
  xm: number;
}
export interface StaffClaims {
  role: 'admin' | 'proctor' | 'auditor';
  sub: string; // user id
  exp: number;
}
export type Claims = CandidateClaims | StaffClaims;

/** `{"alg":"HS256","typ":"JWT"}`, base64url: the header hono/jwt's sign() writes. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const hs256 = (secret: string, data: string): Buffer => {
  // A function configured without the key (public, sweeper) must never accept a token signed with an empty key.
  if (secret.length < 16) throw new Error('token key missing or too short');
  return createHmac('sha256', secret).update(data).digest();
};

/**
 * HS256 with node:crypto (one HMAC) rather than WebCrypto (key import + subtle call per token, ≈ 6 % of the
 * API thread at the start spike). Same token format as hono/jwt.
 */
export const signToken = async (claims: Claims, secret: string): Promise<string> => {
  const json = JSON.stringify(claims);
  const unsigned = `${HEADER}.${Buffer.from(json).toString('base64url')}`;
  const token = `${unsigned}.${hs256(secret, unsigned).toString('base64url')}`;
  // A token this process signed needs no verification when it comes back (a candidate's start follows its login,
  // on a warm Lambda container as locally): remembered as verification would read it (the JSON round trip).
  remember(token, secret, JSON.parse(json) as Claims);
  return token;
};

const isJwtHeader = (h: unknown): boolean => {
  if (typeof h !== 'object' || h === null) return false;
  const o = h as Record<string, unknown>;
  const typ = typeof o.typ === 'string' ? o.typ.toLowerCase().replace(/^application\//, '') : undefined;
  return o.alg === 'HS256' && (!('typ' in o) || typ === 'jwt') && !('crit' in o);
};

/** Signature (constant-time), header and time claims (nbf, iat when present); the payload, or throws. */
const verifyHs256 = (token: string, secret: string, nowMs: number): Record<string, unknown> => {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('malformed');
  const [header, payload, signature] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]*$/.test(signature)) throw new Error('malformed signature');
  const expected = hs256(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad signature');
  if (!isJwtHeader(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))))
    throw new Error('bad header');
  const body: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('bad payload');
  const p = body as Record<string, unknown>;
  const now = Math.floor(nowMs / 1000);
  if (p.nbf !== undefined && (typeof p.nbf !== 'number' || !Number.isFinite(p.nbf) || p.nbf > now))
    throw new Error('not yet valid');
  if (p.iat !== undefined && (typeof p.iat !== 'number' || !Number.isFinite(p.iat) || now < p.iat))
    throw new Error('issued in the future');
  return p;
};

const CACHE_MAX = 20_000;
/** Tokens verified (or signed) here, with the key they were checked against: another key must check afresh. */
const verified = new Map<string, { claims: Claims; secret: string }>();
const remember = (token: string, secret: string, claims: Claims): void => {
  if (verified.size >= CACHE_MAX) verified.clear();
  verified.set(token, { claims, secret });
};

const isClaims = (p: Record<string, unknown>): p is Claims & Record<string, unknown> => {
  if (typeof p.sub !== 'string' || typeof p.exp !== 'number') return false;
  if (p.role === 'candidate')
    return typeof p.sid === 'string' && typeof p.aid === 'string' && typeof p.dev === 'number';
  return p.role === 'admin' || p.role === 'proctor' || p.role === 'auditor';
};

/**
 * Verifies signature and expiry. A token verified (or signed) once is remembered with its key until it expires,
 * so the save path pays once and a start right after its login not at all.
 */
export const verifyToken = async (token: string, secret: string, nowMs: number): Promise<Claims> => {
  const cached = verified.get(token);
  if (cached && cached.secret === secret) {
    if (cached.claims.exp * 1000 > nowMs) return cached.claims;
    verified.delete(token);
  }
  let payload: Record<string, unknown>;
  try {
    payload = verifyHs256(token, secret, nowMs);
  } catch {
    throw userError('UNAUTHENTICATED.token');
  }
  if (!isClaims(payload)) throw userError('UNAUTHENTICATED.token');
  if (payload.exp * 1000 <= nowMs) throw userError('UNAUTHENTICATED.expired');
  remember(token, secret, payload);
  return payload;
};
