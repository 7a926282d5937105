// Exam and bank-catalogue routes: list/view exams with their versions, presets, banks and snapshots (admins and
// auditors read); create from a preset or by hand, new version, in-place edit (admins only, audited).
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import { examCreateBody, examVersionBody } from '../../schemas/exams.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import { presetDefinitions } from '../../services/exams.ts';
import type { Services } from '../../services/index.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseJson, parseParams } from '../middleware/validate.ts';
import { staffRequest } from './staff-request.ts';

type App = Hono<AuthEnv<StaffClaims>>;
type Guard = MiddlewareHandler<AuthEnv<StaffClaims>>;

const examParams = z.object({ examId: id });
const versionParams = z.object({ examId: id, version: z.coerce.number().int().min(1).max(999_999) });
const bankParams = z.object({ bankId: id });

/** Reads: mounted on the admin app (admins) and the auditor app (auditors read all, change nothing). */
export const mountExamReadRoutes = (app: App, svc: Services, allowed: Guard) => {
  const { deps } = svc;
  app.get('/exams', allowed, async (c) =>
    c.json({ exams: await svc.exams.list(), serverTime: deps.clock() }),
  );
  app.get('/exam-presets', allowed, (c) =>
    c.json({ presets: presetDefinitions(), serverTime: deps.clock() }),
  );
  app.get('/exams/:examId', allowed, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({ ...(await svc.exams.view(examId)), serverTime: deps.clock() });
  });
  app.get('/banks', allowed, async (c) =>
    c.json({ banks: await svc.banks.list(), serverTime: deps.clock() }),
  );
  app.get('/banks/:bankId/snapshots', allowed, async (c) => {
    const { bankId } = parseParams(c, bankParams);
    return c.json({ ...(await svc.banks.snapshots(bankId)), serverTime: deps.clock() });
  });
};

/** Changes: admins only; each is one audit entry (intent first), retried safely with the same Idempotency-Key. */
export const mountExamWriteRoutes = (app: App, svc: Services, adminOnly: Guard) => {
  const { deps } = svc;
  app.post('/exams', adminOnly, async (c) => {
    const body = await parseJson(c, examCreateBody);
    return c.json({ exam: await svc.exams.create(staffRequest(c, deps), body), serverTime: deps.clock() });
  });
  app.post('/exams/:examId/versions', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const { definition } = await parseJson(c, examVersionBody);
    const exam = await svc.exams.newVersion(staffRequest(c, deps), examId, definition);
    return c.json({ exam, serverTime: deps.clock() });
  });
  app.put('/exams/:examId/versions/:version', adminOnly, async (c) => {
    const { examId, version } = parseParams(c, versionParams);
    const { definition } = await parseJson(c, examVersionBody);
    const exam = await svc.exams.edit(staffRequest(c, deps), examId, version, definition);
    return c.json({ exam, serverTime: deps.clock() });
  });
};
