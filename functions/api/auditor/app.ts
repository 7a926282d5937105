// Auditor routes (/api/auditor): login and raw material for re-scoring (step logs, seeds, results).
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import { staffLoginBody } from '../../schemas/staff.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import { loginStaff } from '../../services/staff-login.ts';
import { roleApp } from '../base.ts';
import { requireStaff } from '../middleware/auth.ts';
import { parseJson, parseParams } from '../middleware/validate.ts';

const attemptParams = z.object({ attemptId: id });

export const auditorApp = (svc: Services) => {
  const { deps } = svc;
  const app = roleApp<StaffClaims>('/api/auditor');
  const auditor = requireStaff(deps, 'auditor');

  app.post('/login', async (c) =>
    c.json(await loginStaff(deps, await parseJson(c, staffLoginBody), ['auditor'])),
  );

  /** The raw log of one attempt with its seed and stored result; the auditor re-derives the score from it. */
  app.get('/attempts/:attemptId/log', auditor, async (c) => {
    const { attemptId } = parseParams(c, attemptParams);
    return c.json({ ...(await svc.audit.attemptLog(attemptId)), serverTime: deps.clock() });
  });

  return app;
};
