// The actor and operation id of an audited admin request: claims from the token, Idempotency-Key or a fresh id.
import type { Context } from 'hono';
import { id } from '../../schemas/common.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Deps } from '../../services/deps.ts';
import type { StaffRequest } from '../../services/request.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parse } from '../middleware/validate.ts';

export const staffRequest = (c: Context<AuthEnv<StaffClaims>>, deps: Deps): StaffRequest => {
  const claims = c.get('claims');
  const key = c.req.header('idempotency-key');
  return {
    actor: { role: claims.role, id: claims.sub },
    opId: key === undefined ? deps.randomHex(16) : parse(id, key, 'Idempotency-Key'),
  };
};

/** The raw body bytes of a CSV upload (the import decodes and checks UTF-8 itself). */
export const csvBytes = async (c: Context): Promise<Uint8Array> => new Uint8Array(await c.req.arrayBuffer());

/** The viewer of a read (proctors are scoped to their sessions). */
export const viewer = (c: Context<AuthEnv<StaffClaims>>) => {
  const claims = c.get('claims');
  return { role: claims.role, id: claims.sub };
};
