// Candidate PIN hashing: HMAC-SHA-256 with a server pepper, compared in constant time (cheap at a start spike).
import { timingSafeEqual } from 'node:crypto';
import { hmacSha256, hmacSha256Hex } from '../../domain/hmac.ts';

export const hashPin = (pepper: string, pin: string): string => hmacSha256Hex(pepper, pin);

export const pinMatches = (pepper: string, pin: string, storedHex: string): boolean => {
  const expected = Buffer.from(storedHex, 'hex');
  const actual = hmacSha256(pepper, pin);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
