// Attempt seeds and ids: HMAC-derived seeds, commit–reveal of the session secret, deterministic attempt ids.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Seed of one attempt's form: hex HMAC-SHA-256(key = session secret, message = attemptId). */
export const attemptSeed = (sessionSecret: string, attemptId: string): string =>
  createHmac('sha256', sessionSecret).update(attemptId, 'utf8').digest('hex');

/** Published before the session opens: hex SHA-256 of the secret (UTF-8). */
export const secretCommitment = (secret: string): string => sha256Hex(secret);

/** After the reveal: does `secret` hash to the published commitment? Constant-time; false on malformed input. */
export function verifyCommitment(secret: string, commitment: string): boolean {
  const expected = Buffer.from(secretCommitment(secret), 'hex');
  if (!/^[0-9a-fA-F]{64}$/.test(commitment)) return false;
  return timingSafeEqual(expected, Buffer.from(commitment, 'hex'));
}

/** One attempt per (session, candidate): 'a' + first 24 hex digits of SHA-256(`${sessionId}|${regNo}`). */
export const attemptIdFor = (sessionId: string, regNo: string): string =>
  `a${sha256Hex(`${sessionId}|${regNo}`).slice(0, 24)}`;
