// Staff login (admin, proctor, auditor): username + scrypt password into a role token.
import { randomBytes } from 'node:crypto';
import type { StaffLoginBody, StaffRole } from '../schemas/staff.ts';
import { hashPassword, verifyPassword } from './auth/passwords.ts';
import { signToken } from './auth/tokens.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { LoginLimiter } from './login-limits.ts';

/** Hash of a random password, made once per process: unknown names cost one scrypt, like known ones. */
let dummyHash: Promise<string> | undefined;
const dummy = (): Promise<string> => {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  return dummyHash;
};

export const loginStaff = (
  deps: Deps,
  limiter: LoginLimiter,
  body: StaffLoginBody,
  allowed: readonly StaffRole[],
  address: string,
) => limiter.attempt('staff', body.username, address, () => checkStaff(deps, body, allowed));

const checkStaff = async (deps: Deps, body: StaffLoginBody, allowed: readonly StaffRole[]) => {
  const user = await deps.store.users.get(body.username);
  const ok = await verifyPassword(body.password, user ? user.passwordHash : await dummy());
  if (!user || !ok || user.disabled === true) {
    throw userError('INVALID_CREDENTIALS');
  }
  if (!allowed.includes(user.role)) {
    throw userError('FORBIDDEN.console');
  }
  const now = deps.clock();
  const exp = Math.floor(now / 1000) + deps.config.staffTokenTtlSeconds;
  const token = await signToken({ role: user.role, sub: user.id, exp }, deps.config.jwtSecret);
  return { token, role: user.role, name: user.name, serverTime: now };
};
