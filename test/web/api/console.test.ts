// The console reads an assignment refusal's rows from the API error's details; anything else has none.
import { describe, expect, it } from 'vitest';
import { refusalsOf } from '../../../web/api/console.ts';
import { ApiError } from '../../../web/api/errors.ts';

const refused = (details: unknown) => new ApiError(409, 'CONFLICT', 'Penempatan ditolak', undefined, details);

describe('refusalsOf', () => {
  it('returns each refused row with its reason', () => {
    const rows = [
      {
        sessionId: 'B',
        regNo: 'C-1',
        reason: 'overlap',
        other: 'A',
        message: 'already in overlapping session A',
      },
      { sessionId: 'B', reason: 'capacity', message: 'over capacity 2 by 1' },
    ];
    expect(refusalsOf(refused({ problems: rows }))).toEqual(rows);
  });

  it.each([
    ['no details', undefined],
    ['details without problems', { rostered: 3, capacity: 2 }],
    ['an unknown reason', { problems: [{ sessionId: 'B', reason: 'weather' }] }],
  ])('%s -> none', (_, details) => {
    expect(refusalsOf(refused(details))).toEqual([]);
  });

  it('a plain Error -> none', () => {
    expect(refusalsOf(new Error('x'))).toEqual([]);
  });
});
