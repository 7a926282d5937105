// Maps AWS SDK failures to domain errors: conditional failures per operation, throttling, unreachable store.
import { DomainError, type DomainErrorCode } from '../domain/errors.ts';

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
  'SlowDown',
]);

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const asObject = (e: unknown): SdkLikeError | undefined =>
  typeof e === 'object' && e !== null ? (e as SdkLikeError) : undefined;

export const errorName = (e: unknown): string | undefined => {
  const name = asObject(e)?.name;
  return typeof name === 'string' ? name : undefined;
};

export const isConditionalCheckFailed = (e: unknown): boolean =>
  errorName(e) === 'ConditionalCheckFailedException';

const isNetworkError = (e: unknown, depth = 0): boolean => {
  const o = asObject(e);
  if (!o || depth > 3) return false;
  if (typeof o.code === 'string' && NETWORK_CODES.has(o.code)) return true;
  if (typeof o.name === 'string' && UNAVAILABLE_NAMES.has(o.name)) return true;
  const status = o.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500 && status !== 501) return true;
  return isNetworkError(o.cause, depth + 1);
};

/** The AWS request id of an SDK failure (what AWS support asks for), when it has one. */
export const requestIdOf = (e: unknown): string | undefined => {
  const id = asObject(e)?.$metadata?.requestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * Translates a store failure. `onConditional` names the domain code a ConditionalCheckFailed means for the
 * calling operation (DUPLICATE, ALREADY_STARTED, CONFLICT …). The SDK error stays the DomainError's `cause`
 * and its request id is in the details. Anything unrecognised (validation errors, programming mistakes) is
 * returned unchanged so it surfaces as a 500 with its original message.
 */
export const mapStoreError = (e: unknown, onConditional: DomainErrorCode = 'CONFLICT'): unknown => {
  if (e instanceof DomainError) return e;
  const name = errorName(e);
  const requestId = requestIdOf(e);
  const details = { sdkError: name ?? asObject(e)?.code ?? String(e), ...(requestId ? { requestId } : {}) };
  if (name === 'ConditionalCheckFailedException')
    return new DomainError(onConditional, conditionalMessage(onConditional), details, { cause: e });
  if (name !== undefined && THROTTLING.has(name))
    return new DomainError('THROTTLED', 'store is throttling requests; retry shortly', details, { cause: e });
  if (isNetworkError(e))
    return new DomainError('STORE_UNAVAILABLE', 'store is unreachable', details, { cause: e });
  return e;
};

const conditionalMessage = (code: DomainErrorCode): string => {
  switch (code) {
    case 'DUPLICATE':
      return 'already exists';
    case 'ALREADY_STARTED':
      return 'attempt already started';
    case 'NOT_FOUND':
      return 'not found';
    default:
      return 'concurrent modification; reload and retry';
  }
};

/** Runs a store call and rethrows its failure mapped to a domain error. */
export const guard = async <T>(
  fn: () => Promise<T>,
  onConditional: DomainErrorCode = 'CONFLICT',
): Promise<T> => {
  try {
    return await fn();
  } catch (e) {
    throw mapStoreError(e, onConditional);
  }
};
