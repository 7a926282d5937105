// HS256 tokens on node:crypto: the same bytes as hono/jwt, and every tampering rejected.
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { type CandidateClaims, signToken, verifyToken } from '../../../functions/api/auth/tokens.ts';

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
    const token = await signToken(claims('T1'), 'sekret');
    expect(token).toBe(await sign({ ...claims('T1') }, 'sekret', 'HS256'));
    expect(await verifyToken(token, 'sekret', now)).toEqual(claims('T1'));
  });

  it.each([
    ['wrong secret', async () => [await signToken(claims('T2'), 'sekret'), 'other']],
    ['alg none', async () => [`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims('T3'))}.`, 'sekret']],
    [
      'payload swapped under a valid signature',
      async () => {
        const [h, , s] = (await signToken(claims('T4'), 'sekret')).split('.');
        return [`${h}.${b64(claims('T5'))}.${s}`, 'sekret'];
      },
    ],
    [
      'not yet valid (nbf)',
      async () => {
        const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims('T6'), nbf: now / 1000 + 60 })}`;
        const { createHmac } = await import('node:crypto');
        return [`${body}.${createHmac('sha256', 'sekret').update(body).digest('base64url')}`, 'sekret'];
      },
    ],
    ['expired', async () => [await signToken({ ...claims('T7'), exp: now / 1000 - 1 }, 'sekret'), 'sekret']],
  ])('%s -> UNAUTHENTICATED', async (_name, make) => {
    const [token, secret] = (await make()) as [string, string];
    await expect(verifyToken(token, secret, now)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
