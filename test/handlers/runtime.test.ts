// Lambda runtime: publication keys are read when configured (direct or by ARN), absent otherwise, never guessed.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyEntry, signDocument, verifyDocument } from '../../functions/domain/signature.ts';
import { depsFromEnv } from '../../functions/handlers/runtime.ts';

const pair = generateKeyPairSync('ed25519');
const PEM = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
/** The 32-byte seed of the same key: the last 32 bytes of its PKCS#8 DER, as Secrets Manager's hex would hold. */
const SEED = (pair.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer)
  .subarray(-32)
  .toString('hex');

const base = {
  TABLE_NAME: 't',
  PUBLIC_BUCKET: 'p',
  AUDIT_BUCKET: 'a',
  JWT_SECRET: 'jwt-secret-0123456789',
  PIN_PEPPER: 'pepper',
};

describe('depsFromEnv publication keys', () => {
  it('configured directly -> in the config', async () => {
    const deps = await depsFromEnv({ ...base, PUBLICATION_KEY: PEM, PSEUDONYM_SECRET: 'ab'.repeat(32) });
    expect(deps.config.publication).toEqual({ signingKeyPem: PEM.trim(), pseudonymSecret: 'ab'.repeat(32) });
  });
  it('a 64-hex Ed25519 seed (what the stack generates) becomes the same key as its PEM', async () => {
    const deps = await depsFromEnv({ ...base, PUBLICATION_KEY: SEED, PSEUDONYM_SECRET: 'ab'.repeat(32) });
    const pem = deps.config.publication?.signingKeyPem ?? '';
    expect(publicKeyEntry(pem)).toEqual(publicKeyEntry(PEM));
    expect(verifyDocument(signDocument({ a: 1 }, pem), [publicKeyEntry(PEM)])).toBe(true);
  });
  it('neither a PEM nor 64 hex digits -> a startup error, not a function that fails at the first finalize', async () => {
    await expect(
      depsFromEnv({ ...base, PUBLICATION_KEY: 'PEM', PSEUDONYM_SECRET: 'ab'.repeat(32) }),
    ).rejects.toThrow(/PKCS#8 PEM or a 64-hex-digit/);
  });
  it('only the pseudonym secret (the public function) -> pseudonyms, no signing key', async () => {
    const deps = await depsFromEnv(
      { ...base, PSEUDONYM_SECRET: 'ab'.repeat(32) },
      { jwt: false, pepper: false },
    );
    expect(deps.config.publication).toEqual({ signingKeyPem: '', pseudonymSecret: 'ab'.repeat(32) });
  });
  it('not configured -> absent (publishing is refused), the function still starts', async () => {
    expect((await depsFromEnv(base)).config.publication).toBeUndefined();
  });
  it('required but missing -> a startup error naming the variable', async () => {
    await expect(depsFromEnv(base, { jwt: true, pepper: true, publication: true })).rejects.toThrow(
      /PUBLICATION_KEY_ARN/,
    );
  });
  it('never read when the function says so', async () => {
    const deps = await depsFromEnv(
      { ...base, PUBLICATION_KEY: 'PEM', PSEUDONYM_SECRET: 'x' },
      { jwt: true, pepper: true, publication: false },
    );
    expect(deps.config.publication).toBeUndefined();
  });
});
