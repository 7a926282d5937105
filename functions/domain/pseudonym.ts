// Pseudonyms of published rows: truncated HMAC-SHA-256 keyed by the publication secret (raw bytes).
import { createHmac } from 'node:crypto';
import { DomainError } from './errors.ts';

/** Hex digits kept: 16 (64 bits). */
export const PSEUDONYM_HEX = 16;

/**
 * pseudonym = first 16 lowercase hex digits of HMAC-SHA-256(key = the publication secret DECODED from hex to
 * raw bytes (not its hex text), message = UTF-8 of the registration number). Secret: >= 32 bytes, even-length hex.
 */
export function pseudonym(secretHex: string, regNo: string): string {
  if (!/^([0-9a-fA-F]{2}){32,}$/.test(secretHex))
    throw new DomainError('VALIDATION', 'publication secret must be at least 32 bytes of hex');
  return createHmac('sha256', Buffer.from(secretHex, 'hex'))
    .update(regNo, 'utf8')
    .digest('hex')
    .slice(0, PSEUDONYM_HEX);
}
