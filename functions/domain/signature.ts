// Ed25519 signatures (node:crypto) over canonical JSON documents, with key ids; public keys as raw 32-byte hex.
import { createPrivateKey, createPublicKey, hash, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import { DomainError } from './errors.ts';

export interface Signature {
  alg: 'Ed25519';
  keyId: string;
  /** Base64 (RFC 4648 §4, with padding) of the 64-byte signature over UTF-8(canonicalJson(document)). */
  value: string;
}

export interface Signed<T> {
  document: T;
  signature: Signature;
}

/** A published public key: raw 32-byte Ed25519 key as lowercase hex; keyId = first 16 hex of SHA-256(raw key). */
export interface PublicKeyEntry {
  keyId: string;
  alg: 'Ed25519';
  publicKey: string;
}

const rawPublic = (key: KeyObject): Buffer => {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new DomainError('VALIDATION', 'not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
};

export const keyIdOf = (rawPublicKeyHex: string): string =>
  hash('sha256', Buffer.from(rawPublicKeyHex, 'hex'), 'hex').slice(0, 16);

/** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410): the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = '302e020100300506032b657004220420';

/**
 * A signing key as configured: a PKCS#8 PEM as is, or a 32-byte Ed25519 seed as 64 hex digits (what Secrets
 * Manager can generate) turned into its PKCS#8 PEM. Anything else -> VALIDATION.
 */
export function signingKeyPemOf(value: string): string {
  const v = value.trim();
  if (v.startsWith('-----BEGIN PRIVATE KEY-----')) return v;
  if (!/^[0-9a-fA-F]{64}$/.test(v))
    throw new DomainError('VALIDATION', 'signing key must be a PKCS#8 PEM or a 64-hex-digit Ed25519 seed');
  const der = Buffer.from(ED25519_PKCS8_PREFIX + v.toLowerCase(), 'hex').toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${der}\n-----END PRIVATE KEY-----\n`;
}

/** The published entry for a private key given as PKCS#8 PEM. */
export function publicKeyEntry(privateKeyPem: string): PublicKeyEntry {
  const raw = rawPublic(createPublicKey(createPrivateKey(privateKeyPem))).toString('hex');
  return { keyId: keyIdOf(raw), alg: 'Ed25519', publicKey: raw };
}

const privateKeys = new Map<string, { key: KeyObject; keyId: string }>();
/** The KeyObject and key id of a PEM private key, parsed once per key (every finalize signs a result). */
function privateKey(privateKeyPem: string): { key: KeyObject; keyId: string } {
  let entry = privateKeys.get(privateKeyPem);
  if (!entry) {
    entry = { key: createPrivateKey(privateKeyPem), keyId: publicKeyEntry(privateKeyPem).keyId };
    if (privateKeys.size > 8) privateKeys.clear();
    privateKeys.set(privateKeyPem, entry);
  }
  return entry;
}

/** Signs canonicalJson(document) with the PKCS#8 PEM private key; the key id is derived from its public half. */
export function signDocument<T>(document: T, privateKeyPem: string): Signed<T> {
  const { key, keyId } = privateKey(privateKeyPem);
  const value = sign(null, Buffer.from(canonicalJson(document), 'utf8'), key).toString('base64');
  return { document, signature: { alg: 'Ed25519', keyId, value } };
}

const keyObjects = new Map<string, KeyObject>();
/**
 * The KeyObject of a raw hex public key whose key id is `keyId`, created once per (key, id) (a verifier checks
 * thousands of signatures); undefined when the hex is not a 32-byte key or the id is not its id.
 */
function publicKeyObject(rawHex: string, keyId: string): KeyObject | undefined {
  const memo = `${rawHex}|${keyId}`;
  let key = keyObjects.get(memo);
  if (!key) {
    if (!/^[0-9a-f]{64}$/.test(rawHex) || keyIdOf(rawHex) !== keyId) return undefined;
    key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawHex, 'hex').toString('base64url') },
      format: 'jwk',
    });
    if (keyObjects.size > 64) keyObjects.clear();
    keyObjects.set(memo, key);
  }
  return key;
}

/** True iff the signature's key id is among `keys`, its id matches the key, and the signature verifies. */
export function verifyDocument(signed: Signed<unknown>, keys: readonly PublicKeyEntry[]): boolean {
  const { signature } = signed;
  if (signature?.alg !== 'Ed25519') return false;
  const entry = keys.find((k) => k.keyId === signature.keyId);
  if (!entry) return false;
  try {
    const key = publicKeyObject(entry.publicKey, entry.keyId);
    if (!key) return false;
    const sig = Buffer.from(signature.value, 'base64');
    if (sig.length !== 64 || sig.toString('base64') !== signature.value) return false;
    return verify(null, Buffer.from(canonicalJson(signed.document), 'utf8'), key, sig);
  } catch {
    return false;
  }
}
