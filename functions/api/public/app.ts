// Public routes (/api/public, no login) and the health probe: session commitments; later rankings.
import { Hono } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import type { Services } from '../../services/index.ts';
import { roleApp } from '../base.ts';
import { notFound, onError } from '../middleware/on-error.ts';
import { parseParams } from '../middleware/validate.ts';

const sessionParams = z.object({ sessionId: id });

export const publicApp = (svc: Services) => {
  const { deps } = svc;
  const app = roleApp('/api/public');

  /** Commit–reveal of the session secret: the hash before and during the session, the secret after it closes. */
  app.get('/sessions/:sessionId/commitment', async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const now = deps.clock();
    return c.json({ ...(await svc.publicInfo.commitment(sessionId, now)), serverTime: now });
  });
  return app;
};

/** GET /api/health: 200 with the store's status, 503 when the store does not answer. */
export const healthApp = (svc: Services) => {
  const app = new Hono();
  app.get('/api/health', async (c) => {
    const serverTime = svc.deps.clock();
    const health = await svc.publicInfo.health();
    if (health.ok) return c.json({ status: 'ok', store: 'ok', serverTime });
    return c.json({ status: 'degraded', store: 'unavailable', detail: health.detail, serverTime }, 503);
  });
  app.onError(onError);
  app.notFound(notFound);
  return app;
};
