import { describe, expect, it } from 'vitest';
import {
  attemptIdFor,
  attemptSeed,
  secretCommitment,
  sha256Hex,
  verifyCommitment,
} from '../../functions/domain/seed.ts';

const PINNED = 'a468536789f04d115b0c510ed';

describe('attemptSeed', () => {
  it.each([
    // RFC 4231 test case 2
    [
      'Jefe',
      'what do ya want for nothing?',
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
  ])('HMAC-SHA-256(%j, %j) = %s', (secret, attemptId, expected) => {
    expect(attemptSeed(secret, attemptId)).toBe(expected);
  });

  it('differs per attempt and per secret', () => {
    const seeds = new Set([attemptSeed('k1', 'a1'), attemptSeed('k1', 'a2'), attemptSeed('k2', 'a1')]);
    expect(seeds.size).toBe(3);
  });
});

describe('commit–reveal', () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // FIPS 180-2 SHA-256("abc")
  it.each([
    ['abc', abc, true],
    ['abc', abc.toUpperCase(), true],
    ['abd', abc, false],
    ['abc', abc.slice(0, 63), false],
    ['abc', `${abc.slice(0, 63)}g`, false],
    ['abc', '', false],
  ])('verifyCommitment(%j, %s) = %s', (secret, commitment, ok) => {
    expect(verifyCommitment(secret, commitment)).toBe(ok);
  });

  it('secretCommitment is SHA-256 hex', () => {
    expect(secretCommitment('abc')).toBe(abc);
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('attemptIdFor', () => {
  const KEY = 'server-secret-key';
  it.each([
    ['s1', 'R-0001'],
    ['sesi-2026-01', '2026123456789'],
  ])('(%s, %s) is a + 24 hex of a keyed HMAC, stable for one key', (sessionId, regNo) => {
    const id = attemptIdFor(KEY, sessionId, regNo);
    expect(id).toMatch(/^a[0-9a-f]{24}$/);
    expect(attemptIdFor(KEY, sessionId, regNo)).toBe(id);
    expect(attemptIdFor('another-server-key', sessionId, regNo)).not.toBe(id);
  });

  it('is not the unkeyed SHA-256(session|regNo) anyone with a registration list could recompute', () => {
    const unkeyed = `a${sha256Hex('s1|R-0001').slice(0, 24)}`;
    expect(unkeyed).toBe('af49ff5761de5bb7eaf7d0c98');
    expect(attemptIdFor(KEY, 's1', 'R-0001')).not.toBe(unkeyed);
  });

  it('pins one value (ids are stored: a change of the derivation must fail here)', () => {
    expect(attemptIdFor(KEY, 's1', 'R-0001')).toBe(PINNED);
  });

  it('refuses a missing key', () => {
    expect(() => attemptIdFor('', 's1', 'R-0001')).toThrow(RangeError);
  });
});
