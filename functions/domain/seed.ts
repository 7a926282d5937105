// Attempt seeds and ids: HMAC-derived seeds, commit–reveal of the session secret, deterministic attempt ids.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';

export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

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

/**
 * One attempt per (session, candidate): 'a' + first 24 hex digits of
 * HMAC-SHA-256(key = server secret, `attempt-id|${sessionId}|${regNo}`). Keyed, so nobody holding a list of
 * registration numbers can recompute ids and link published material back to candidates (an unkeyed hash of
 * public values could be). The key never leaves the server; the auditor bundle carries ids, not the key.
 */
export const attemptIdFor = (key: string, sessionId: string, regNo: string): string => {
  if (key.length < 8) throw new RangeError('attempt id key missing or too short');
  return `a${createHmac('sha256', key).update(`attempt-id|${sessionId}|${regNo}`, 'utf8').digest('hex').slice(0, 24)}`;
};
