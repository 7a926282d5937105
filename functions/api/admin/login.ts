// Staff login route (POST /login): the admin app (admin, proctor) and the auditor app (auditor) each mount it.
import type { Hono } from 'hono';
import { type StaffRole, staffLoginBody } from '../../schemas/staff.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import { loginStaff } from '../../services/staff-login.ts';
import { clientAddress } from '../client-address.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseJson } from '../middleware/validate.ts';

/** Username + password into a role token for one of `roles`; any other role's account is refused. */
export const mountStaffLogin = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  roles: readonly StaffRole[],
) => {
  const { deps } = svc;
  app.post('/login', async (c) =>
    c.json(
      await loginStaff(
        deps,
        svc.loginLimiter,
        await parseJson(c, staffLoginBody),
        roles,
        clientAddress(c, deps.config.clientAddressSource),
      ),
    ),
  );
};
