// GET /published/* on the local server: the public bucket's published/ prefix (what S3/CloudFront serves on AWS).
import type { Context } from 'hono';
import type { Store } from '../store/types.ts';

const TYPES: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Serves an object under published/ with a short public cache; anything else under /published is 404. */
export const servePublished = (store: Store) => async (c: Context) => {
  const key = decodeURIComponent(new URL(c.req.url).pathname).replace(/^\//, '');
  if (!key.startsWith('published/') || key.includes('..'))
    return c.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404);
  const body = await store.objects.get(store.config.publicBucket, key);
  if (!body) return c.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404);
  const ext = key.split('.').pop() ?? '';
  return c.body(new Uint8Array(body), 200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': 'public, max-age=30',
  });
};
