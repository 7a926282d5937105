// hmacSha256 against node:crypto's createHmac: keys short, block-sized, longer than a block, non-ASCII; messages likewise.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, hmacSha256Hex, hmacSha256HexWith } from '../../functions/domain/hmac.ts';

const keys = [
  '',
  'k',
  'sekret-key-for-tests',
  'x'.repeat(63),
  'y'.repeat(64),
  'z'.repeat(65),
  'w'.repeat(200),
  'kunci-é日本',
];
const messages = [
  '',
  'a0123456789abcdef01234567',
  'attempt-id|s1|SKD26-00001',
  'ü'.repeat(40),
  'm'.repeat(5000),
];

describe('hmacSha256', () => {
  it.each(keys.flatMap((k) => messages.map((m) => [k.length, m.length, k, m] as const)))(
    'key of %i chars, message of %i chars: the bytes createHmac gives',
    (_kl, _ml, key, message) => {
      const want = createHmac('sha256', key).update(message, 'utf8').digest();
      expect(hmacSha256(key, message).equals(want)).toBe(true);
      expect(hmacSha256Hex(key, message)).toBe(want.toString('hex'));
    },
  );

  it('calls in turn with different keys and messages do not disturb each other (reused pads)', () => {
    const got = keys.map((k, i) => hmacSha256(k, `m${i}`));
    keys.forEach((k, i) => {
      expect(got[i]!.equals(createHmac('sha256', k).update(`m${i}`).digest())).toBe(true);
    });
  });
});

describe('hmacSha256HexWith (a binary key, as SigV4 derives)', () => {
  const binaryKeys = [
    Buffer.alloc(0),
    Buffer.from([0, 255, 128, 1]),
    Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)),
    Buffer.alloc(64, 0xa5),
    Buffer.alloc(65, 0x5a),
  ];
  it.each(binaryKeys.flatMap((k) => messages.map((m) => [k.length, m.length, k, m] as const)))(
    'key of %i bytes, message of %i chars, twice: the hex createHmac gives',
    (_kl, _ml, key, message) => {
      const sign = hmacSha256HexWith(key);
      const want = createHmac('sha256', key).update(message, 'utf8').digest('hex');
      expect(sign(message)).toBe(want);
      expect(sign(message)).toBe(want);
    },
  );
});
