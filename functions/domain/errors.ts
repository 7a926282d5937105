// Domain errors: every rule violation carries a stable code; the API maps codes to HTTP once.

/** Every code a DomainError can carry (the message catalog has an id and en entry for each). */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'UNKNOWN_CANDIDATE',
  'WRONG_PIN',
  'PINS_NOT_RELEASED',
  'SESSION_NOT_OPEN',
  'ALREADY_STARTED',
  'NOT_STARTED',
  'ATTEMPT_SUBMITTED',
  'ATTEMPT_EXPIRED',
  'ATTEMPT_PAUSED',
  'RETIRED_DEVICE',
  'DEVICE_ACTIVE',
  'CONFLICT',
  'DUPLICATE',
  'BANK_TOO_SMALL',
  'INVALID_ITEM',
  'THROTTLED',
  'TOO_MANY_ATTEMPTS',
  'STORE_UNAVAILABLE',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainErrorOptions {
  /** The underlying failure (e.g. the AWS SDK error), kept as Error.cause like Hono's HTTPException does. */
  cause?: unknown;
  /** The message catalog key (`CODE` or `CODE.reason`) users see; the code's generic message when absent. */
  key?: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: unknown;
  readonly key?: string;
  /** `message` is for logs and developers; users get the catalog's message for `key` (or `code`). */
  constructor(code: DomainErrorCode, message: string, details?: unknown, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    if (options.key !== undefined) this.key = options.key;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
