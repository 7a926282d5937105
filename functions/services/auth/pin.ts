// Candidate PIN hashing: HMAC-SHA-256 with a server pepper, compared in constant time (cheap at a start spike).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const hashPin = (pepper: string, pin: string): string =>
  createHmac('sha256', pepper).update(pin).digest('hex');

export const pinMatches = (pepper: string, pin: string, storedHex: string): boolean => {
  const expected = Buffer.from(storedHex, 'hex');
  const actual = createHmac('sha256', pepper).update(pin).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
