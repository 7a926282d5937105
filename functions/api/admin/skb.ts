// Admin SKB routes: settings of an exam's SKB stage, SKB score CSV import, final ranking preview and publication.
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import { skbSettingsBody } from '../../schemas/skb.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseJson, parseParams } from '../middleware/validate.ts';
import { csvBytes, staffRequest } from './staff-request.ts';

const examParams = z.object({ examId: id });

export const mountSkbRoutes = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  adminOnly: MiddlewareHandler<AuthEnv<StaffClaims>>,
) => {
  const { deps } = svc;

  app.get('/skb/:examId', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const [settings, pointer] = await Promise.all([svc.skb.settings(examId), svc.skb.pointer(examId)]);
    return c.json({ settings, import: pointer ?? null, serverTime: deps.clock() });
  });

  app.put('/skb/:examId/settings', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const body = await parseJson(c, skbSettingsBody);
    const settings = await svc.skb.putSettings(staffRequest(c, deps), examId, body);
    return c.json({ settings, serverTime: deps.clock() });
  });

  /** Body: the CSV bytes. All or nothing: 400 with every bad row, or every row saved. */
  app.put('/skb/:examId/scores', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const report = await svc.skb.importCsv(staffRequest(c, deps), examId, await csvBytes(c));
    return c.json({ report, serverTime: deps.clock() });
  });

  /** The final ranking as it would be published now, with registration numbers (admins only). */
  app.get('/skb/:examId/final', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({ ...(await svc.skb.preview(examId)), serverTime: deps.clock() });
  });

  /** Publishes the final (SKD + SKB) ranking as publication `<exam>.final`: anonymized, signed, versioned. */
  app.post('/publications/:examId/final', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({
      publication: await svc.skb.publish(staffRequest(c, deps), examId),
      serverTime: deps.clock(),
    });
  });
};
