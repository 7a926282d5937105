// Security headers of every response of the local server (on AWS, CloudFront's response headers policy sets them).
import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * CSP: scripts only from the app's own origin (no inline script, no eval); styles from the origin (React's
 * style props go through the CSSOM, which CSP does not restrict); images also from the local S3 endpoint
 * (presigned item images); no framing (frame-ancestors 'none'); nosniff; no referrer across origins.
 */
export const localSecureHeaders = (s3Endpoint: string | undefined) => {
  const s3 = s3Endpoint ? [new URL(s3Endpoint).origin] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...s3],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
    },
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
};

/** The names and values `localSecureHeaders` sets, read once from hono's middleware itself (lower-case names). */
export const localSecureHeaderList = async (
  s3Endpoint: string | undefined,
): Promise<Array<[string, string]>> => {
  const probe = new Hono().use(localSecureHeaders(s3Endpoint)).get('/', (c) => c.body(null, 204));
  return [...(await probe.request('/')).headers];
};

type NodeFetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/**
 * The local server's fetch with those headers set on the Node response before the app runs (Node merges them
 * with the ones the app answers with). The same headers as `localSecureHeaders` as a middleware, but without
 * turning every response's headers into a Headers object after the route (≈ 1 % of the API thread at the start
 * spike, with the adapter's conversion back). No route sets any of these headers, so which one wins never arises.
 */
export const withSecureHeaders =
  (fetch: NodeFetch, headers: Array<[string, string]>): NodeFetch =>
  (request, env) => {
    for (const [name, value] of headers) env.outgoing.setHeader(name, value);
    return fetch(request, env);
  };
