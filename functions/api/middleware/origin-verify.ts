// Origin verify: refuses requests that did not come through CloudFront (which adds a secret header); off unless configured.
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Env, Hono, type MiddlewareHandler, type Schema } from 'hono';
import { userError } from '../../services/errors.ts';
import { notFound, onError } from './on-error.ts';

/** The header CloudFront adds to every request it forwards to the API (infra/constructs/secrets.ts sets it). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Whether a request's header value is the expected one (SHA-256 digests compared in constant time). */
export const originHeaderMatches = (expected: string, got: string | undefined): boolean =>
  timingSafeEqual(digest(expected), digest(got ?? ''));

/**
 * With an expected value, a request whose header differs gets 403 before any route runs (compared as
 * SHA-256 digests in constant time); without one (local runtime, tests) every request passes.
 */
export const originVerify = (expected?: string): MiddlewareHandler => {
  if (!expected) return (_c, next) => next(); // not async: no extra promise per request
  const want = digest(expected);
  return async (c, next) => {
    const got = digest(c.req.header(ORIGIN_VERIFY_HEADER) ?? '');
    if (!timingSafeEqual(want, got)) {
      throw userError('FORBIDDEN.origin'); // the request did not come through CloudFront
    }
    await next();
  };
};

/** A role app (or the whole API) behind the origin check, with the same JSON error and 404 handling. */
export const behindOrigin = <E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  expected?: string,
): Hono => {
  const outer = new Hono();
  outer.use(originVerify(expected));
  outer.route('/', app);
  outer.onError(onError);
  outer.notFound(notFound);
  return outer;
};
