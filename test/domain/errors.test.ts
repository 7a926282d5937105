// DomainError: a stable code, details, the catalog key, and { cause } kept as Error.cause.
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DomainError, isDomainError } from '../../functions/domain/errors.ts';

describe('DomainError', () => {
  it.each([
    ['no cause', undefined],
    ['an Error cause', new Error('root')],
    ['a string cause', 'why'],
  ])('DomainError accepts { cause }: %s', (_what, cause) => {
    const e = new DomainError('CONFLICT', 'x', undefined, cause === undefined ? {} : { cause });
    expect(e.cause).toBe(cause);
    expect('cause' in e).toBe(cause !== undefined);
  });

  it('carries code, details and key; the code list has no duplicates', () => {
    const e = new DomainError(
      'NOT_FOUND',
      'session s1 not found',
      { id: 's1' },
      { key: 'NOT_FOUND.session' },
    );
    expect(e).toMatchObject({ code: 'NOT_FOUND', details: { id: 's1' }, key: 'NOT_FOUND.session' });
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
  });
});
