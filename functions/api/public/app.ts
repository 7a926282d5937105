// Public routes (/api/public, no login) and the health probe: session commitments; later rankings.
import { Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
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
    const session = await deps.store.sessions.get(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'Sesi tidak ditemukan / Session not found');
    const now = deps.clock();
    const secret = now > session.closesAt ? await deps.store.sessions.getSecret(sessionId) : undefined;
    return c.json({
      sessionId,
      secretCommitment: session.secretCommitment,
      secret: secret ?? null,
      closesAt: session.closesAt,
      serverTime: now,
    });
  });
  return app;
};

/** GET /api/health: 200 with the store's status, 503 when the store does not answer. */
export const healthApp = (svc: Services) => {
  const app = new Hono();
  app.get('/api/health', async (c) => {
    const serverTime = svc.deps.clock();
    try {
      await svc.deps.store.ping();
      return c.json({ status: 'ok', store: 'ok', serverTime });
    } catch (e) {
      return c.json({ status: 'degraded', store: 'unavailable', detail: String(e), serverTime }, 503);
    }
  });
  app.onError(onError);
  app.notFound(notFound);
  return app;
};
