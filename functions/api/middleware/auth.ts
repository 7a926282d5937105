// Authentication middleware: reads the Bearer token, verifies it, and admits only the given roles.
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../domain/errors.ts';
import {
  type CandidateClaims,
  type Claims,
  type Role,
  type StaffClaims,
  verifyToken,
} from '../../services/auth/tokens.ts';
import type { Deps } from '../../services/deps.ts';

export type AuthEnv<C extends Claims = Claims> = { Variables: { claims: C } };

export const requireRole = <C extends Claims>(deps: Deps, ...roles: Role[]) =>
  createMiddleware<AuthEnv<C>>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu / Please sign in first');
    const claims = await verifyToken(match[1]!, deps.config.jwtSecret, deps.clock());
    if (!roles.includes(claims.role)) {
      throw new DomainError(
        'FORBIDDEN',
        'Peran Anda tidak berhak mengakses ini / Your role may not access this',
      );
    }
    c.set('claims', claims as C);
    await next();
  });

export const requireCandidate = (deps: Deps) => requireRole<CandidateClaims>(deps, 'candidate');
export const requireStaff = (deps: Deps, ...roles: StaffClaims['role'][]) =>
  requireRole<StaffClaims>(deps, ...roles);
