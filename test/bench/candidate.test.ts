// The simulated candidate's answered count and its report gate (what each save tells the room monitor).
import { describe, expect, it } from 'vitest';
import { acknowledge, answeredWith, newCandidate } from './candidate.ts';

const cand = () => {
  const c = newCandidate({ regNo: 'R1', pin: '1' } as Parameters<typeof newCandidate>[0]);
  c.items = [
    { itemId: 'a', options: ['1', '2'] },
    { itemId: 'b', options: ['1', '2'] },
  ];
  return c;
};

describe('bench candidate', () => {
  it('counts answered items as acknowledged: a new answer adds one, a change or a flag none, a cleared answer takes one', () => {
    const c = cand();
    const steps = [
      { seq: 1, type: 'answered', itemId: 'a', choice: '1' },
      { seq: 2, type: 'answered', itemId: 'a', choice: '2' },
      { seq: 3, type: 'flagged', itemId: 'b', flagged: true },
      { seq: 4, type: 'answered', itemId: 'b', choice: '1' },
      { seq: 5, type: 'answered', itemId: 'a', choice: null },
    ] as const;
    const expected = [1, 1, 1, 2, 1];
    steps.forEach((s, i) => {
      expect(answeredWith(c, s)).toBe(expected[i]);
      expect(c.answered).toBe(i === 0 ? 0 : expected[i - 1]); // not counted before it is acknowledged
      acknowledge(c, s);
      expect(c.answered).toBe(expected[i]);
      expect(c.answered).toBe([...c.answers.values()].filter((v) => v !== null).length);
    });
  });

  it("reports the count with the first save, not with the next one right after (the exam page's gate)", () => {
    const c = cand();
    expect(c.report(3)).toBe(3);
    expect(c.report(4)).toBeUndefined();
  });
});
