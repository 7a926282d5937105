// API error vocabulary: maps domain error codes to HTTP statuses once, and shapes the error body.
import type { DomainErrorCode } from '../services/errors.ts';

export const httpStatusOf: Record<DomainErrorCode, 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503> = {
  VALIDATION: 400,
  INVALID_ITEM: 400,
  BANK_TOO_SMALL: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  UNKNOWN_CANDIDATE: 401,
  WRONG_PIN: 401,
  FORBIDDEN: 403,
  PINS_NOT_RELEASED: 403,
  SESSION_NOT_OPEN: 403,
  ALREADY_STARTED: 409,
  NOT_STARTED: 409,
  ATTEMPT_SUBMITTED: 409,
  ATTEMPT_EXPIRED: 409,
  ATTEMPT_PAUSED: 423,
  RETIRED_DEVICE: 409,
  DEVICE_ACTIVE: 409,
  CONFLICT: 409,
  DUPLICATE: 409,
  THROTTLED: 429,
  TOO_MANY_ATTEMPTS: 429,
  STORE_UNAVAILABLE: 503,
};

/** Codes the HTTP layer raises itself (besides domain codes); each has a catalog entry. */
export const HTTP_ERROR_CODES = [
  'MALFORMED_JSON',
  'ROUTE_NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'HTTP_ERROR',
  'INTERNAL',
] as const;

export interface ErrorPayload {
  error: { code: string; message: string; fields?: Record<string, string[]>; details?: unknown };
}

export const errorPayload = (
  code: string,
  message: string,
  extra?: { fields?: Record<string, string[]>; details?: unknown },
): ErrorPayload => ({ error: { code, message, ...extra } });
