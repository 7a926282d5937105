// Errors users meet, raised by key of the message catalog: the code is the key's prefix, the text comes from the catalog.
import { DomainError, type DomainErrorCode } from '../domain/errors.ts';
import { type MessageKey, messages } from '../schemas/messages.ts';

/** Catalog keys that belong to a domain error code: `CODE` or `CODE.reason`. */
export type UserErrorKey = Extract<MessageKey, DomainErrorCode | `${DomainErrorCode}.${string}`>;

export const codeOfKey = (key: UserErrorKey): DomainErrorCode => key.split('.')[0] as DomainErrorCode;

/** A DomainError whose user-facing message is the catalog's entry for `key` (its English text is the log message). */
export const userError = (key: UserErrorKey, details?: unknown, cause?: unknown): DomainError =>
  new DomainError(codeOfKey(key), messages[key].en, details, {
    key,
    ...(cause === undefined ? {} : { cause }),
  });

/** The api maps these once (status + catalog message); it sees domain errors only through services. */
export { type DomainErrorCode, isDomainError } from '../domain/errors.ts';
