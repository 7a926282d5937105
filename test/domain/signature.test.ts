import { describe, expect, it } from 'vitest';
import { keyIdOf, publicKeyEntry, signDocument, verifyDocument } from '../../functions/domain/signature.ts';

// RFC 8032 §7.1 test 1: secret key and public key. PKCS#8 wraps the 32-byte seed after a fixed 16-byte prefix.
const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUB = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const pem = (seedHex: string) =>
  `-----BEGIN PRIVATE KEY-----\n${Buffer.from(`302e020100300506032b657004220420${seedHex}`, 'hex').toString('base64')}\n-----END PRIVATE KEY-----\n`;
const PEM = pem(SEED);
// Python `cryptography` Ed25519 over b'{"a":1,"b":[true,null]}' with the same key; key id = SHA-256(PUB)[0:16].
const SIG = '5u/9psn1TnhajeHzCYsKyJkfGr+LRGXdV94NA6I0wzjFfKjDpOOsmh7oZ8czkcGQHd62MBMWNwOb0FRass34Dg==';
const KEY_ID = '21fe31dfa154a261';

describe('Ed25519 over canonical JSON', () => {
  const entry = publicKeyEntry(PEM);
  it('public key and key id from the RFC 8032 key', () => {
    expect(entry).toEqual({ keyId: KEY_ID, alg: 'Ed25519', publicKey: PUB });
    expect(keyIdOf(PUB)).toBe(KEY_ID);
  });
  it('signs the canonical bytes (key order does not matter) — the independently computed signature', () => {
    const signed = signDocument({ b: [true, null], a: 1 }, PEM);
    expect(signed.signature).toEqual({ alg: 'Ed25519', keyId: KEY_ID, value: SIG });
    expect(verifyDocument(signed, [entry])).toBe(true);
  });
  it.each<
    [string, (s: { document: unknown; signature: { keyId: string; value: string; alg: string } }) => void]
  >([
    [
      'a changed document',
      (s) => {
        s.document = { a: 2, b: [true, null] };
      },
    ],
    [
      'a flipped signature byte',
      (s) => {
        s.signature.value = flipB64(s.signature.value);
      },
    ],
    [
      'an unknown key id',
      (s) => {
        s.signature.keyId = '0000000000000000';
      },
    ],
    [
      'a truncated signature',
      (s) => {
        s.signature.value = s.signature.value.slice(4);
      },
    ],
    [
      'another algorithm',
      (s) => {
        s.signature.alg = 'RS256';
      },
    ],
  ])('rejects %s', (_n, tamper) => {
    const signed = structuredClone(signDocument({ a: 1, b: [true, null] }, PEM));
    tamper(signed);
    expect(verifyDocument(signed as never, [entry])).toBe(false);
  });
  it('rejects a key entry whose id does not match its key', () => {
    const other = publicKeyEntry(pem('11'.repeat(32)));
    const signed = signDocument({ a: 1 }, PEM);
    expect(verifyDocument(signed, [{ ...other, keyId: KEY_ID }])).toBe(false);
  });
});

function flipB64(v: string): string {
  const b = Buffer.from(v, 'base64');
  b[10] = (b[10] as number) ^ 1;
  return b.toString('base64');
}
