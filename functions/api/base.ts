// Common shape of every role app: base path, body limit, the one error handler and a JSON 404.
import { Hono } from 'hono';
import { messages } from '../schemas/messages.ts';
import type { Claims } from '../services/auth/tokens.ts';
import { errorPayload } from './errors.ts';
import type { AuthEnv } from './middleware/auth.ts';
import { limitBody } from './middleware/body-limit.ts';
import { notFound, onError, requestLang } from './middleware/on-error.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export const roleApp = <C extends Claims>(basePath: string, maxBodyBytes = MAX_BODY_BYTES) => {
  const app = new Hono<AuthEnv<C>>().basePath(basePath);
  // Responses are private by default (tokens, forms, answers, results); public routes set their own caching.
  app.use(async (c, next) => {
    await next();
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
  app.onError(onError);
  app.notFound(notFound);
  return app;
};
