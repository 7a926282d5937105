// Auditor routes (/api/auditor): login, raw material for re-scoring (step logs, seeds, results), bundles.
import { z } from 'zod';
import { bundleBody } from '../../schemas/auditor.ts';
import { id } from '../../schemas/common.ts';
import { candidatePageQuery } from '../../schemas/registry.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import { mountExamReadRoutes } from '../admin/exams.ts';
import { mountStaffLogin } from '../admin/login.ts';
import { mountPsychRoutes } from '../admin/psych.ts';
import { mountResultRoutes } from '../admin/results.ts';
import { staffRequest } from '../admin/staff-request.ts';
import { roleApp } from '../base.ts';
import { requireStaff } from '../middleware/auth.ts';
import { parseJson, parseParams, parseQuery } from '../middleware/validate.ts';

const attemptParams = z.object({ attemptId: id });
const dayQuery = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day: YYYY-MM-DD') });

export const auditorApp = (svc: Services) => {
  const { deps } = svc;
  const app = roleApp<StaffClaims>('/api/auditor');
  const auditor = requireStaff(deps, 'auditor');

  mountStaffLogin(app, svc, ['auditor']);

  /** The raw log of one attempt with its seed and stored result; the auditor re-derives the score from it. */
  app.get('/attempts/:attemptId/log', auditor, async (c) => {
    const { attemptId } = parseParams(c, attemptParams);
    return c.json({ ...(await svc.audit.attemptLog(attemptId)), serverTime: deps.clock() });
  });

  /** One UTC day of the admin audit log, with the chain's verdict (an edited or removed entry shows). */
  app.get('/audit-log', auditor, async (c) => {
    const { day } = parseQuery(c, dayQuery);
    const [entries, verdict] = await Promise.all([svc.auditLog.list(day), svc.auditLog.verify(day)]);
    return c.json({ day, entries, verdict, serverTime: deps.clock() });
  });

  /**
   * An offline-verifiable bundle of an exam (every session ended), written to the audit bucket; returns a
   * presigned URL. personal: true adds registration numbers, for named auditors only; every request is logged.
   */
  app.post('/bundles', auditor, async (c) => {
    const body = await parseJson(c, bundleBody);
    const receipt = await svc.bundles.export(
      staffRequest(c, deps),
      body.examId,
      body.personal ? 'personal' : 'public',
    );
    return c.json({ bundle: receipt, serverTime: deps.clock() });
  });

  /** Sessions with their commitments, and the secret once revealed (window closed, every attempt final: domain/reveal.ts). */
  app.get('/sessions', auditor, async (c) => {
    const now = deps.clock();
    const sessions = await svc.monitor.sessions({ role: 'auditor', id: c.get('claims').sub });
    const commitments = await Promise.all(sessions.map((s) => svc.publicInfo.commitment(s.id, now)));
    return c.json({ sessions: sessions.map((s, i) => ({ ...s, ...commitments[i] })), serverTime: now });
  });

  /** Appeals and their answers (the filing and the answer are also in the audit log). */
  app.get('/appeals', auditor, async (c) =>
    c.json({ appeals: await svc.appeals.list(), serverTime: deps.clock() }),
  );

  app.get('/formations', auditor, async (c) =>
    c.json({ formations: await svc.formations.list(), serverTime: deps.clock() }),
  );

  /** The candidates in force, paged like the admin list (the whole set at 10,000 rows would be ≈ 1.5 MB). */
  app.get('/candidates', auditor, async (c) => {
    const page = await svc.candidates.page(parseQuery(c, candidatePageQuery));
    return c.json({ ...page, serverTime: deps.clock() });
  });

  mountPsychRoutes(app, svc, auditor);
  mountResultRoutes(app, svc, auditor);
  mountExamReadRoutes(app, svc, auditor);

  return app;
};
