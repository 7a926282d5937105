// Authentication middleware: reads the Bearer token, verifies it, and admits only the given roles.
import { createMiddleware } from 'hono/factory';
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
    c.set('claims', claims as C);
    await next();
  });

export const requireCandidate = (deps: Deps) => requireRole<CandidateClaims>(deps, 'candidate');
export const requireStaff = (deps: Deps, ...roles: StaffClaims['role'][]) =>
  requireRole<StaffClaims>(deps, ...roles);
