// Public routes (/api/public, no login) and the health probe: session commitments, live scoreboard, rankings, keys, proofs.
import { Hono } from 'hono';
import { z } from 'zod';
import { id } from '../../schemas/common.ts';
import type { Services } from '../../services/index.ts';
import { SCOREBOARD_TTL_MS } from '../../services/scoreboard.ts';
import { roleApp } from '../base.ts';
import { notFound, onError } from '../middleware/on-error.ts';
import { parseParams } from '../middleware/validate.ts';

const sessionParams = z.object({ sessionId: id });
const publicationParams = z.object({ publicationId: id });
const proofParams = z.object({ publicationId: id, pseudonym: z.string().regex(/^[0-9a-f]{16}$/) });

export const publicApp = (svc: Services) => {
  const { deps } = svc;
  const app = roleApp('/api/public');

  /** Commit–reveal of the session secret: the hash until no attempt can change any more, then the secret. */
  app.get('/sessions/:sessionId/commitment', async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const now = deps.clock();
    return c.json({ ...(await svc.publicInfo.commitment(sessionId, now)), serverTime: now });
  });

  /** Live scoreboard (finished attempts, pseudonyms only); cacheable for a few seconds by any CDN or browser. */
  app.get('/sessions/:sessionId/scoreboard', async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const board = await svc.scoreboard.get(sessionId);
    c.header('cache-control', `public, max-age=${SCOREBOARD_TTL_MS / 1000}`);
    return c.json({ ...board, serverTime: deps.clock() });
  });

  /** Published Ed25519 public keys with their key ids. */
  app.get('/keys', async (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.json({ keys: await svc.publication.keys() });
  });

  /** The latest signed publication of an exam's ranking. */
  app.get('/rankings/:publicationId', async (c) => {
    const { publicationId } = parseParams(c, publicationParams);
    c.header('cache-control', 'public, max-age=30');
    return c.json(await svc.publication.document(publicationId));
  });

  /** The inclusion proof of one pseudonym's row under the latest signed Merkle root. */
  app.get('/rankings/:publicationId/proofs/:pseudonym', async (c) => {
    const { publicationId, pseudonym } = parseParams(c, proofParams);
    c.header('cache-control', 'public, max-age=30');
    return c.json(await svc.publication.proof(publicationId, pseudonym));
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
