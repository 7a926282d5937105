// The one error handler: domain errors -> their HTTP status and code; bad JSON -> 400; anything else -> logged 500.
// The message comes from the catalog (schemas/messages.ts) in the request's language (Accept-Language; default id).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Lang, messageOf, messages, negotiateLang } from '../../schemas/messages.ts';
import { isDomainError } from '../../services/errors.ts';
import { log } from '../../services/log.ts';
import { errorPayload, httpStatusOf } from '../errors.ts';
import { MalformedJsonError } from './validate.ts';

export const requestLang = (c: Context): Lang => negotiateLang(c.req.header('accept-language'));

export const onError = (err: Error, c: Context): Response => {
  const lang = requestLang(c);
  if (isDomainError(err)) {
    const status = httpStatusOf[err.code];
    // A store that refused (503, or 429 when DynamoDB throttles) is an operator's problem: log it with the
    // SDK's request id from the cause, so AWS support can find the call.
    if (err.cause !== undefined && (status >= 500 || err.code === 'THROTTLED')) {
      const meta = (err.cause as { $metadata?: { requestId?: string } }).$metadata;
      log.warn('store refused', {
        code: err.code,
        path: c.req.path,
        awsRequestId: meta?.requestId,
        error: err,
      });
    }
    const details = err.details as { fields?: Record<string, string[]> } | undefined;
    const extra =
      err.code === 'VALIDATION' && details?.fields
        ? { fields: details.fields }
        : err.details
          ? { details: err.details }
          : {};
    const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    let message = messageOf(err.key ?? err.code, lang) ?? messages[err.code][lang];
    if (typeof retry === 'number') {
      c.header('Retry-After', String(retry));
      message = message.replace('{wait}', String(retry));
    }
    return c.json(errorPayload(err.code, message, extra), status);
  }
  if (err instanceof MalformedJsonError) {
    return c.json(errorPayload('MALFORMED_JSON', messages.MALFORMED_JSON[lang]), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'HTTP_ERROR';
    return c.json(errorPayload(code, messages[code][lang]), status);
  }
  log.error('unhandled', { path: c.req.path, method: c.req.method, error: err });
  return c.json(errorPayload('INTERNAL', messages.INTERNAL[lang]), 500);
};

export const notFound = (c: Context): Response =>
  c.json(errorPayload('ROUTE_NOT_FOUND', messages.ROUTE_NOT_FOUND[requestLang(c)]), 404);
