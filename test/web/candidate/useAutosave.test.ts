// The answered count a save sends for the room monitor: the shown answers with the batch laid over them.
import { describe, expect, it } from 'vitest';
import { answeredAfter } from '../../../web/candidate/useAutosave.ts';

describe('answeredAfter', () => {
  it.each([
    [
      'first answer of the exam (not rendered yet)',
      {},
      [{ seq: 1, type: 'answered', itemId: 'a', choice: 'B' }],
      1,
    ],
    ['a changed answer counts once', { a: 'A' }, [{ seq: 2, type: 'answered', itemId: 'a', choice: 'C' }], 1],
    [
      'a cleared answer no longer counts',
      { a: 'A', b: 'D' },
      [{ seq: 3, type: 'answered', itemId: 'a', choice: null }],
      1,
    ],
    ['a flag is not an answer', { a: null }, [{ seq: 4, type: 'flagged', itemId: 'a', flagged: true }], 0],
  ] as const)('%s', (_name, answers, steps, n) => {
    expect(answeredAfter({ ...answers }, [...steps])).toBe(n);
  });
});
