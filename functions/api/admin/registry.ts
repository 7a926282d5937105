// Admin registry routes: formations (list, CSV import, edit) and candidates (CSV import with progress, list).
import type { Hono, MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import { candidatePageQuery, formationEdit } from '../../schemas/registry.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseJson, parseParams, parseQuery } from '../middleware/validate.ts';
import { csvBytes, staffRequest } from './staff-request.ts';

const formationParams = z.object({ formationId: id });
const userParams = z.object({ userId: id });
const staffCreateBody = z.object({
  id,
  name: z.string().trim().min(1).max(120),
  role: z.enum(['admin', 'proctor', 'auditor']),
  password: z.string().min(12).max(256),
});
const disableBody = z.object({ disabled: z.boolean(), reason: z.string().trim().min(3).max(500) });
const passwordBody = z.object({
  password: z.string().min(12).max(256),
  reason: z.string().trim().min(3).max(500),
});
const dayQuery = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day: YYYY-MM-DD') });

export const mountRegistryRoutes = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  adminOnly: MiddlewareHandler<AuthEnv<StaffClaims>>,
) => {
  const { deps } = svc;

  app.get('/audit-log', adminOnly, async (c) => {
    const { day } = parseQuery(c, dayQuery);
    const [entries, verdict] = await Promise.all([svc.auditLog.list(day), svc.auditLog.verify(day)]);
    return c.json({ day, entries, verdict, serverTime: deps.clock() });
  });

  app.get('/staff', adminOnly, async (c) =>
    c.json({ staff: await svc.staffAccounts.list(), serverTime: deps.clock() }),
  );

  app.post('/staff', adminOnly, async (c) => {
    const body = await parseJson(c, staffCreateBody);
    return c.json({
      user: await svc.staffAccounts.create(staffRequest(c, deps), body),
      serverTime: deps.clock(),
    });
  });

  app.post('/staff/:userId/disabled', adminOnly, async (c) => {
    const { userId } = parseParams(c, userParams);
    const { disabled, reason } = await parseJson(c, disableBody);
    const user = await svc.staffAccounts.setDisabled(staffRequest(c, deps), userId, disabled, reason);
    return c.json({ user, serverTime: deps.clock() });
  });

  app.post('/staff/:userId/password', adminOnly, async (c) => {
    const { userId } = parseParams(c, userParams);
    const { password, reason } = await parseJson(c, passwordBody);
    const user = await svc.staffAccounts.resetPassword(staffRequest(c, deps), userId, password, reason);
    return c.json({ user, serverTime: deps.clock() });
  });

  app.get('/formations', adminOnly, async (c) =>
    c.json({ formations: await svc.formations.list(), serverTime: deps.clock() }),
  );

  /** Body: the CSV bytes (text/csv). All or nothing: 400 with every bad row, or every row saved. */
  app.put('/formations', adminOnly, async (c) => {
    const report = await svc.formations.importCsv(staffRequest(c, deps), await csvBytes(c));
    return c.json({ ...report, serverTime: deps.clock() });
  });

  app.put('/formations/:formationId', adminOnly, async (c) => {
    const { formationId } = parseParams(c, formationParams);
    const body = await parseJson(c, formationEdit);
    const formation = await svc.formations.edit(staffRequest(c, deps), formationId, body);
    return c.json({ formation, serverTime: deps.clock() });
  });

  /** One page of the candidates in force (regNo order); `next` / `prev` are opaque cursors for the neighbours. */
  app.get('/candidates', adminOnly, async (c) => {
    const page = await svc.candidates.page(parseQuery(c, candidatePageQuery));
    return c.json({ ...page, serverTime: deps.clock() });
  });

  /**
   * Body: the CSV bytes. The whole file is checked first (400 with every problem, nothing written). With
   * `Accept: application/x-ndjson` the answer streams `{"written":n,"total":N}` lines, then `{"report":…}`.
   */
  app.post('/candidates/import', adminOnly, async (c) => {
    const req = staffRequest(c, deps);
    const rows = await svc.candidates.validate(await csvBytes(c));
    if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) {
      return c.json({ report: await svc.candidates.write(req, rows), serverTime: deps.clock() });
    }
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    return stream(
      c,
      async (s) => {
        const report = await svc.candidates.write(req, rows, (written, total) => {
          void s.write(`${JSON.stringify({ written, total })}\n`);
        });
        await s.write(`${JSON.stringify({ report, serverTime: deps.clock() })}\n`);
      },
      async (e, s) => {
        const code = (e as { code?: string }).code ?? 'INTERNAL';
        await s.write(
          `${JSON.stringify({ error: { code, message: 'Impor terhenti; kirim ulang berkas yang sama / Import stopped; send the same file again' } })}\n`,
        );
      },
    );
  });
};
