// Staff login (admin, proctor, auditor): username + scrypt password into a role token.
import type { StaffLoginBody, StaffRole } from '../schemas/staff.ts';
import { verifyPassword } from './auth/passwords.ts';
import { signToken } from './auth/tokens.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';

export const loginStaff = async (deps: Deps, body: StaffLoginBody, allowed: readonly StaffRole[]) => {
  const user = await deps.store.users.get(body.username);
  const ok = user ? await verifyPassword(body.password, user.passwordHash) : false;
  if (!user || !ok) {
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
