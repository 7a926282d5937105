// Authentication middleware: reads the Bearer token, verifies it, admits only the given roles and active staff.
import { createMiddleware } from 'hono/factory';
import { assertStaffActive } from '../../services/auth/staff-active.ts';
import {
  type CandidateClaims,
  type Claims,
  type Role,
  type StaffClaims,
  verifyToken,
} from '../../services/auth/tokens.ts';
import type { Deps } from '../../services/deps.ts';
import { userError } from '../../services/errors.ts';

export type AuthEnv<C extends Claims = Claims> = { Variables: { claims: C } };

export const requireRole = <C extends Claims>(deps: Deps, ...roles: Role[]) =>
  createMiddleware<AuthEnv<C>>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw userError('UNAUTHENTICATED.signIn');
    const claims = await verifyToken(match[1]!, deps.config.jwtSecret, deps.clock());
    if (!roles.includes(claims.role)) {
      throw userError('FORBIDDEN.role');
    }
    // staff tokens die with their account (disabled/deleted), seen within STAFF_STATUS_MAX_AGE_MS
    if (claims.role !== 'candidate') await assertStaffActive(deps, claims);
    c.set('claims', claims as C);
    await next();
  });

export const requireCandidate = (deps: Deps) => requireRole<CandidateClaims>(deps, 'candidate');
export const requireStaff = (deps: Deps, ...roles: StaffClaims['role'][]) =>
  requireRole<StaffClaims>(deps, ...roles);
