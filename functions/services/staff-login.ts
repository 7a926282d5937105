// Staff login (admin, proctor, auditor): username + scrypt password into a role token.
import { DomainError } from '../domain/errors.ts';
import type { StaffLoginBody, StaffRole } from '../schemas/staff.ts';
import { verifyPassword } from './auth/passwords.ts';
import { signToken } from './auth/tokens.ts';
import type { Deps } from './deps.ts';

export const loginStaff = async (deps: Deps, body: StaffLoginBody, allowed: readonly StaffRole[]) => {
  const user = await deps.store.users.get(body.username);
  const ok = user ? await verifyPassword(body.password, user.passwordHash) : false;
  if (!user || !ok) {
    throw new DomainError(
      'INVALID_CREDENTIALS',
      'Nama pengguna atau kata sandi salah / Wrong username or password',
    );
  }
  if (!allowed.includes(user.role)) {
    throw new DomainError(
      'FORBIDDEN',
      'Akun ini tidak untuk halaman ini / This account is not for this console',
    );
  }
  const now = deps.clock();
  const exp = Math.floor(now / 1000) + deps.config.staffTokenTtlSeconds;
  const token = await signToken({ role: user.role, sub: user.id, exp }, deps.config.jwtSecret);
  return { token, role: user.role, name: user.name, serverTime: now };
};
