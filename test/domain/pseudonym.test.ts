import { describe, expect, it } from 'vitest';
import { pseudonym } from '../../functions/domain/pseudonym.ts';

// Python: hmac.new(bytes.fromhex('0123456789abcdef'*4), b'SKD26-00001', sha256).hexdigest()[:16]
describe('pseudonym', () => {
  const secret = '0123456789abcdef'.repeat(4);
  it('= first 16 hex of HMAC-SHA-256(raw secret bytes, UTF-8 regNo)', () => {
    expect(pseudonym(secret, 'SKD26-00001')).toBe('845c951c63724637');
  });
  it('differs per candidate and per secret', () => {
    expect(pseudonym(secret, 'SKD26-00002')).not.toBe(pseudonym(secret, 'SKD26-00001'));
    expect(pseudonym('ff'.repeat(32), 'SKD26-00001')).not.toBe(pseudonym(secret, 'SKD26-00001'));
  });
  it.each([['abc'], ['0g'.repeat(32)], ['00'.repeat(31)]])('secret %s -> VALIDATION', (s) => {
    expect(() => pseudonym(s, 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
