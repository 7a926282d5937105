// The client's address for login rate limits, from the source the adapter configured (never X-Forwarded-For).
import type { Context } from 'hono';
import type { ClientAddressSource } from '../services/config.ts';

interface AdapterEnv {
  /** @hono/node-server: the Node request. */
  incoming?: { socket?: { remoteAddress?: string } };
  /** hono/aws-lambda: the API Gateway event (HTTP API v2, or REST v1). */
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };
}

/** Requests without a known address share one bucket (so they are limited together, not exempt). */
export const UNKNOWN_ADDRESS = 'unknown';

/** `CloudFront-Viewer-Address` is `ip:port` (IPv6 unbracketed): the address is everything before the last colon. */
export const viewerAddress = (header: string | undefined): string | undefined => {
  const v = header?.trim();
  if (!v) return undefined;
  const i = v.lastIndexOf(':');
  return i > 0 ? v.slice(0, i) : undefined;
};

export const clientAddress = (c: Context, source: ClientAddressSource): string => {
  const env = (c.env ?? {}) as AdapterEnv;
  const ctx = env.event?.requestContext;
  const lambdaIp = ctx?.http?.sourceIp ?? ctx?.identity?.sourceIp;
  if (source === 'socket') return env.incoming?.socket?.remoteAddress ?? UNKNOWN_ADDRESS;
  if (source === 'cloudfront')
    return viewerAddress(c.req.header('cloudfront-viewer-address')) ?? lambdaIp ?? UNKNOWN_ADDRESS;
  return lambdaIp ?? UNKNOWN_ADDRESS;
};
