import { describe, expect, it } from 'vitest';
import {
  BIG_FIVE_FACTORS,
  IPIP_MARKERS,
  ipipItems,
  psychBank,
} from '../../../functions/local/demo/psych-ipip.ts';

describe('IPIP 50-item Big-Five markers', () => {
  it('has 50 items, 10 per factor, numbered 1..50 in questionnaire order (factors rotate E A C S I)', () => {
    expect(IPIP_MARKERS).toHaveLength(50);
    IPIP_MARKERS.forEach((m, i) => {
      expect(m.n).toBe(i + 1);
      expect(m.factor).toBe(BIG_FIVE_FACTORS[i % 5]);
    });
  });
  it.each([
    // reverse-keyed counts per factor as published: E 5, A 4, C 4, emotional stability 8, intellect 3
    ['extraversion', 5],
    ['agreeableness', 4],
    ['conscientiousness', 4],
    ['emotionalStability', 8],
    ['intellect', 3],
  ])('%s has %i reverse-keyed items', (factor, rev) => {
    const of = IPIP_MARKERS.filter((m) => m.factor === factor);
    expect(of).toHaveLength(10);
    expect(of.filter((m) => m.reverse)).toHaveLength(rev);
  });
  it('every item has distinct English and Indonesian texts', () => {
    expect(new Set(IPIP_MARKERS.map((m) => m.en)).size).toBe(50);
    expect(new Set(IPIP_MARKERS.map((m) => m.id)).size).toBe(50);
  });
  it('likert items carry the factor as trait and the reverse key; the bank has one speed item', () => {
    const items = ipipItems('b');
    expect(items[1]).toMatchObject({ id: 'ipip-02', kind: 'likert', trait: 'agreeableness', reverse: true });
    expect(psychBank('b').filter((i) => i.kind === 'speed')).toHaveLength(1);
  });
});
