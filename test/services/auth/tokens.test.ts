// HS256 tokens on node:crypto: the same bytes as hono/jwt, and every tampering rejected.
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { type CandidateClaims, signToken, verifyToken } from '../../../functions/services/auth/tokens.ts';

const now = 1_750_000_000_000;
const claims = (sub: string): CandidateClaims => ({
  role: 'candidate',
  sub,
  sid: 's1',
  aid: 'a1',
  dev: 2,
  exp: now / 1000 + 3600,
});
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('tokens', () => {
  it('signs exactly as hono/jwt does and verifies its own tokens', async () => {
    const token = await signToken(claims('T1'), 'sekret-key-for-tests');
    expect(token).toBe(await sign({ ...claims('T1') }, 'sekret-key-for-tests', 'HS256'));
    expect(await verifyToken(token, 'sekret-key-for-tests', now)).toEqual(claims('T1'));
  });

  it('verifies a token it did not sign itself (another container signed it)', async () => {
    const token = await sign({ ...claims('T10') }, 'sekret-key-for-tests', 'HS256');
    expect(await verifyToken(token, 'sekret-key-for-tests', now)).toStrictEqual(claims('T10'));
  });

  it('a token it signed comes back as verification would read it (no undefined claims, a copy)', async () => {
    const signed = { ...claims('T11'), ro: undefined };
    const token = await signToken(signed as CandidateClaims, 'sekret-key-for-tests');
    signed.sub = 'changed after signing';
    const got = await verifyToken(token, 'sekret-key-for-tests', now);
    expect(got).toStrictEqual(claims('T11'));
    expect('ro' in got).toBe(false);
  });

  it.each([
    [
      'wrong secret',
      async () => [await signToken(claims('T2'), 'sekret-key-for-tests'), 'another-secret-key-123'],
    ],
    [
      'alg none',
      async () => [`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims('T3'))}.`, 'sekret-key-for-tests'],
    ],
    [
      'payload swapped under a valid signature',
      async () => {
        const [h, , s] = (await signToken(claims('T4'), 'sekret-key-for-tests')).split('.');
        return [`${h}.${b64(claims('T5'))}.${s}`, 'sekret-key-for-tests'];
      },
    ],
    [
      'not yet valid (nbf)',
      async () => {
        const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims('T6'), nbf: now / 1000 + 60 })}`;
        const { createHmac } = await import('node:crypto');
        return [
          `${body}.${createHmac('sha256', 'sekret-key-for-tests').update(body).digest('base64url')}`,
          'sekret-key-for-tests',
        ];
      },
    ],
    [
      'expired',
      async () => [
        await signToken({ ...claims('T7'), exp: now / 1000 - 1 }, 'sekret-key-for-tests'),
        'sekret-key-for-tests',
      ],
    ],
  ])('%s -> UNAUTHENTICATED', async (_name, make) => {
    const [token, secret] = (await make()) as [string, string];
    await expect(verifyToken(token, secret, now)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['empty', ''],
    ['too short', 'short'],
  ])(
    'a function configured without a usable key (%s) accepts no token, not even one signed with that key',
    async (_n, key) => {
      const forged = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims('T8'))}`;
      const { createHmac } = await import('node:crypto');
      const token = `${forged}.${createHmac('sha256', key).update(forged).digest('base64url')}`;
      await expect(verifyToken(token, key, now)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(signToken(claims('T9'), key)).rejects.toThrow(/key/);
    },
  );
});
