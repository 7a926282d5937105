// The one error handler: domain errors -> their HTTP status and code; bad JSON -> 400; anything else -> logged 500.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDomainError } from '../../domain/errors.ts';
import { defaultMessages, errorPayload, httpStatusOf } from '../errors.ts';
import { MalformedJsonError } from './validate.ts';

export const onError = (err: Error, c: Context): Response => {
  if (isDomainError(err)) {
    const status = httpStatusOf[err.code];
    const details = err.details as { fields?: Record<string, string[]> } | undefined;
    const extra =
      err.code === 'VALIDATION' && details?.fields
        ? { fields: details.fields }
        : err.details
          ? { details: err.details }
          : {};
    return c.json(errorPayload(err.code, err.message, extra), status);
  }
  if (err instanceof MalformedJsonError) {
    return c.json(errorPayload('MALFORMED_JSON', defaultMessages.MALFORMED_JSON), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    return c.json(
      errorPayload(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'HTTP_ERROR', err.message || 'HTTP error'),
      status,
    );
  }
  console.error(
    JSON.stringify({ level: 'error', msg: 'unhandled', path: c.req.path, err: String(err?.stack ?? err) }),
  );
  return c.json(errorPayload('INTERNAL', defaultMessages.INTERNAL), 500);
};

export const notFound = (c: Context): Response =>
  c.json(errorPayload('ROUTE_NOT_FOUND', defaultMessages.ROUTE_NOT_FOUND), 404);
