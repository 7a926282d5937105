// Admin/auditor result routes: results per session or formation (JSON or CSV) and item statistics (JSON or CSV).
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import { itemStatisticsCsv, resultsCsv } from '../../services/session-results.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseParams, parseQuery } from '../middleware/validate.ts';

const sessionParams = z.object({ sessionId: id });
const formationParams = z.object({ formationId: id });
const formatQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

const csv = (c: Context, body: string, filename: string) =>
  c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  });

/** Mounted on the admin app (admins) and the auditor app (auditors read all). */
export const mountResultRoutes = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  allowed: MiddlewareHandler<AuthEnv<StaffClaims>>,
) => {
  const { deps } = svc;

  app.get('/sessions/:sessionId/results', allowed, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const { format } = parseQuery(c, formatQuery);
    const { rows, sectionIds } = await svc.sessionResults.ofSession(sessionId);
    if (format === 'csv') return csv(c, resultsCsv(rows, sectionIds), `hasil-${sessionId}.csv`);
    return c.json({ results: rows, sectionIds, serverTime: deps.clock() });
  });

  app.get('/formations/:formationId/results', allowed, async (c) => {
    const { formationId } = parseParams(c, formationParams);
    const { format } = parseQuery(c, formatQuery);
    const { rows, sectionIds } = await svc.sessionResults.ofFormation(formationId);
    if (format === 'csv') return csv(c, resultsCsv(rows, sectionIds), `hasil-formasi-${formationId}.csv`);
    return c.json({ results: rows, sectionIds, serverTime: deps.clock() });
  });

  app.get('/sessions/:sessionId/item-statistics', allowed, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const { format } = parseQuery(c, formatQuery);
    const stats = await svc.sessionResults.itemStatistics(sessionId);
    if (format === 'csv') return csv(c, itemStatisticsCsv(stats), `statistik-butir-${sessionId}.csv`);
    return c.json({ ...stats, serverTime: deps.clock() });
  });
};
