// Common shape of every role app: base path, body limit, no-store by default and a JSON 404 (errors: the serving app).
import { Hono } from 'hono';
import { messages } from '../schemas/messages.ts';
import type { Claims } from '../services/auth/tokens.ts';
import { errorPayload } from './errors.ts';
import type { AuthEnv } from './middleware/auth.ts';
import { limitBody } from './middleware/body-limit.ts';
import { notFound, requestLang } from './middleware/on-error.ts';

export const MAX_BODY_BYTES = 256 * 1024;

/** Answers built by `jsonAnswer`: they carry the default cache-control already. */
const completeAnswers = new WeakSet<Response>();

/**
 * A 200 JSON answer (a JSON text, or its UTF-8 bytes) with the role apps' default `cache-control: no-store`, its
 * headers a plain object: the same status, headers and bytes as `c.json(value)` under the default below, but on
 * @hono/node-server no Headers object is built for it (neither by the default's check nor by the adapter), which
 * the start spike's two routes pay on every candidate. Only for routes no middleware sets headers for
 * (`c.header` before the route would be lost).
 */
export const jsonAnswer = (body: string | Uint8Array<ArrayBuffer>): Response => {
  const res = new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
  completeAnswers.add(res);
  return res;
};

export const roleApp = <C extends Claims>(basePath: string, maxBodyBytes = MAX_BODY_BYTES) => {
  const app = new Hono<AuthEnv<C>>().basePath(basePath);
  // Responses are private by default (tokens, forms, answers, results); public routes set their own caching.
  app.use(async (c, next) => {
    await next();
    if (completeAnswers.has(c.res)) return;
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  // An oversized body is not read to its end: answer 413 and close the connection, so the unread rest of the
  // body cannot be taken for the next request on a kept-alive connection.
  app.use(
    limitBody(maxBodyBytes, (c) =>
      c.json(errorPayload('PAYLOAD_TOO_LARGE', messages.PAYLOAD_TOO_LARGE[requestLang(c)]), 413, {
        connection: 'close',
        'cache-control': 'no-store',
      }),
    ),
  );
  // No onError here: the app that serves a role app (createApiApp, behindOrigin) maps errors with the same
  // handler, and hono wraps every route of a sub-app that has its own handler in one more compose per request.
  app.notFound(notFound);
  return app;
};
