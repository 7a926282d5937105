// Domain errors: every rule violation carries a stable code; the API maps codes to HTTP once.

export type DomainErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_CREDENTIALS'
  | 'UNKNOWN_CANDIDATE'
  | 'WRONG_PIN'
  | 'PINS_NOT_RELEASED'
  | 'SESSION_NOT_OPEN'
  | 'ALREADY_STARTED'
  | 'NOT_STARTED'
  | 'ATTEMPT_SUBMITTED'
  | 'ATTEMPT_EXPIRED'
  | 'ATTEMPT_PAUSED'
  | 'RETIRED_DEVICE'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'BANK_TOO_SMALL'
  | 'INVALID_ITEM'
  | 'THROTTLED'
  | 'STORE_UNAVAILABLE';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: unknown;
  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
