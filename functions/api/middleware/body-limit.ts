// The request body size limit, decided from the headers whenever they tell the length (no body stream opened).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Like hono's bodyLimit, without touching `c.req.raw.body` when the headers already decide: a Content-Length
 * alone = that many bytes; a GET or HEAD without Content-Length or Transfer-Encoding has no body (HTTP/1.1;
 * no route reads a GET's body anyway). Anything else — a chunked body, or a request built without length
 * headers (app.request() in tests, an event a gateway passed on without them) — is counted as it streams
 * (hono's bodyLimit). Why: on @hono/node-server, reading
 * `raw.body` turns the lightweight request into a full fetch Request with a body stream — for every
 * request, GETs included (≈ 5 % of the API thread at the start spike) — and the body then can no longer
 * be read by the server's direct path.
 */
export const limitBody = (maxSize: number, onError: (c: Context) => Response | Promise<Response>) => {
  const streamed = bodyLimit({ maxSize, onError });
  // Not async (it only passes on next()'s promise): no extra promise and microtask hops per request.
  const limit: MiddlewareHandler = (c, next) => {
    const length = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (length !== undefined && !chunked)
      return Number.parseInt(length, 10) > maxSize ? Promise.resolve(onError(c)) : next();
    if (length === undefined && !chunked && (c.req.method === 'GET' || c.req.method === 'HEAD'))
      return next();
    return streamed(c, next);
  };
  return limit;
};
