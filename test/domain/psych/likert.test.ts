import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import { type LikertKey, likertValue, scoreLikert } from '../../../functions/domain/psych/likert.ts';

// Factor A: a1 +, a2 −, a3 +, a4 −. Factor B: b1 +, b2 −.
const keys: LikertKey[] = [
  { itemId: 'a1', factor: 'A', reverse: false },
  { itemId: 'b1', factor: 'B', reverse: false },
  { itemId: 'a2', factor: 'A', reverse: true },
  { itemId: 'a3', factor: 'A', reverse: false },
  { itemId: 'b2', factor: 'B', reverse: true },
  { itemId: 'a4', factor: 'A', reverse: true },
];
const answers = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe('likertValue', () => {
  it.each([
    [1, false, 1],
    [5, false, 5],
    [1, true, 5],
    [2, true, 4],
    [3, true, 3],
    [5, true, 1],
  ])('response %i reverse=%s scores %i', (x, rev, want) => {
    expect(likertValue(x, rev)).toBe(want);
  });
  it.each([0, 6, 2.5, Number.NaN])('response %s is refused', (x) => {
    expect(() => likertValue(x, false)).toThrow(DomainError);
  });
});

describe('scoreLikert (vectors worked by hand)', () => {
  it('full answers: reverse keys 6 − x, raw sum and percent of maximum possible', () => {
    // A: 5, 6−2=4, 4, 6−1=5 -> 18; pomp (18−4)/16 = 87.5. B: 3, 6−5=1 -> 4; pomp (4−2)/8 = 25.
    const s = scoreLikert(keys, answers({ a1: 5, a2: 2, a3: 4, a4: 1, b1: 3, b2: 5 }), {
      maxBlanksPerFactor: 1,
    });
    expect(s).toEqual([
      { factor: 'A', status: 'valid', items: 4, answered: 4, blanks: 0, raw: 18, pomp: 87.5 },
      { factor: 'B', status: 'valid', items: 2, answered: 2, blanks: 0, raw: 4, pomp: 25 },
    ]);
  });

  it('blanks at the limit are prorated: raw = sum × items / answered', () => {
    // A: a4 blank; 5 + 4 + 4 = 13 over 3 answered -> 13·4/3 = 17.333…; pomp (17.333…−4)/16 = 83.333…
    // B: b2 blank; 3 over 1 -> 3·2/1 = 6; pomp (6−2)/8 = 50.
    const [a, b] = scoreLikert(keys, answers({ a1: 5, a2: 2, a3: 4, b1: 3, b2: null }), {
      maxBlanksPerFactor: 1,
    });
    expect(a).toMatchObject({ status: 'valid', answered: 3, blanks: 1 });
    expect(a?.status === 'valid' && a.raw).toBeCloseTo(52 / 3, 10);
    expect(a?.status === 'valid' && a.pomp).toBeCloseTo(250 / 3, 10);
    expect(b).toEqual({ factor: 'B', status: 'valid', items: 2, answered: 1, blanks: 1, raw: 6, pomp: 50 });
  });

  it('blanks over the limit make only that factor invalid, with a reason', () => {
    const [a, b] = scoreLikert(keys, answers({ a1: 5, a2: 2, a3: 4, a4: 1, b1: 3 }), {
      maxBlanksPerFactor: 0,
    });
    expect(a).toMatchObject({ factor: 'A', status: 'valid', raw: 18 });
    expect(b).toEqual({
      factor: 'B',
      status: 'invalid',
      items: 2,
      answered: 1,
      blanks: 1,
      reason: 'tooManyBlanks',
    });
  });

  it('a factor with no answer is invalid even when the limit would allow every blank', () => {
    const [, b] = scoreLikert(keys, answers({ a1: 1 }), { maxBlanksPerFactor: 4 });
    expect(b).toMatchObject({ status: 'invalid', answered: 0, blanks: 2 });
  });

  it('lowest possible answers give pomp 0, highest 100; unknown items are ignored', () => {
    const low = scoreLikert(keys, answers({ a1: 1, a2: 5, a3: 1, a4: 5, b1: 1, b2: 5, zz: 5 }));
    expect(low.map((f) => f.status === 'valid' && [f.raw, f.pomp])).toEqual([
      [4, 0],
      [2, 0],
    ]);
    const high = scoreLikert(keys, answers({ a1: 5, a2: 1, a3: 5, a4: 1, b1: 5, b2: 1 }));
    expect(high.map((f) => f.status === 'valid' && [f.raw, f.pomp])).toEqual([
      [20, 100],
      [10, 100],
    ]);
  });

  it.each([
    [[...keys, keys[0] as LikertKey], { maxBlanksPerFactor: 1 }],
    [keys, { maxBlanksPerFactor: -1 }],
    [keys, { maxBlanksPerFactor: 1.5 }],
  ])('bad keys or options are refused (%#)', (k, opts) => {
    expect(() => scoreLikert(k, answers({}), opts)).toThrow(DomainError);
  });
});
