// Admin/auditor psych routes: the psych exams and their finished candidates (to open a report), and one report.
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseParams } from '../middleware/validate.ts';

const examParams = z.object({ examId: id });
const attemptParams = z.object({ attemptId: id });

/** Mounted on the admin app (admins only, not proctors) and the auditor app. Confidential, never published. */
export const mountPsychRoutes = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  allowed: MiddlewareHandler<AuthEnv<StaffClaims>>,
) => {
  const { deps } = svc;

  app.get('/psych/exams', allowed, async (c) =>
    c.json({ exams: await svc.psych.exams(), serverTime: deps.clock() }),
  );

  app.get('/psych/exams/:examId/attempts', allowed, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({ attempts: await svc.psych.finishedAttempts(examId), serverTime: deps.clock() });
  });

  /** The psych report of one attempt (a running one too: staff may look before the end). */
  app.get('/attempts/:attemptId/psych-report', allowed, async (c) => {
    const { attemptId } = parseParams(c, attemptParams);
    return c.json(await svc.psych.report(attemptId, { requireFinished: false }));
  });
};
