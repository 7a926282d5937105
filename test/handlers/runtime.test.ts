// Lambda runtime: publication keys are read when configured (direct or by ARN), absent otherwise, never guessed.
import { describe, expect, it } from 'vitest';
import { depsFromEnv } from '../../functions/handlers/runtime.ts';

const base = {
  TABLE_NAME: 't',
  PUBLIC_BUCKET: 'p',
  AUDIT_BUCKET: 'a',
  JWT_SECRET: 'jwt-secret-0123456789',
  PIN_PEPPER: 'pepper',
};

describe('depsFromEnv publication keys', () => {
  it('configured directly -> in the config', async () => {
    const deps = await depsFromEnv({ ...base, PUBLICATION_KEY: 'PEM', PSEUDONYM_SECRET: 'ab'.repeat(32) });
    expect(deps.config.publication).toEqual({ signingKeyPem: 'PEM', pseudonymSecret: 'ab'.repeat(32) });
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
