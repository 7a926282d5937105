import { describe, expect, it } from 'vitest';
import {
  type CandidateResponses,
  computeItemStatistics,
  pearson,
  type ServedItem,
  spearmanBrown,
  variance,
} from '../../functions/domain/item-stats.ts';

/**
 * The worked data set of docs/item-statistics.md.
 *
 * Section S — a fixed form: every candidate gets i1..i4, single-key items (key `a`), 5 points or 0.
 * In units of 5 points (correlations and KR-20 do not depend on the unit):
 *
 *        i1 i2 i3 i4 | total
 *   C1    1  1  1  0 |  3      choices a a a b
 *   C2    1  1  1  0 |  3      choices a a a c
 *   C3    1  1  0  1 |  3      choices a a b a
 *   C4    1  0  0  1 |  2      choices a c – a
 *   C5    0  0  0  0 |  0      choices b – c b
 *
 * Section R — random forms: two items per candidate drawn from j1..j4, 1 point or 0, in form order:
 *   C1 j1=1 j2=1 · C2 j3=1 j4=0 · C3 j2=0 j3=0 · C4 j4=1 j1=1 · C5 j1=0 j3=1
 */
const S = (itemId: string, choice: string | null): ServedItem => ({
  itemId,
  sectionId: 'S',
  choice,
  score: choice === 'a' ? 5 : 0,
  maxScore: 5,
});
const R = (itemId: string, score: 0 | 1): ServedItem => ({
  itemId,
  sectionId: 'R',
  choice: score === 1 ? 'a' : 'b',
  score,
  maxScore: 1,
});
const data: CandidateResponses[] = [
  {
    candidateId: 'C1',
    items: [S('i1', 'a'), S('i2', 'a'), S('i3', 'a'), S('i4', 'b'), R('j1', 1), R('j2', 1)],
  },
  {
    candidateId: 'C2',
    items: [S('i1', 'a'), S('i2', 'a'), S('i3', 'a'), S('i4', 'c'), R('j3', 1), R('j4', 0)],
  },
  {
    candidateId: 'C3',
    items: [S('i1', 'a'), S('i2', 'a'), S('i3', 'b'), S('i4', 'a'), R('j2', 0), R('j3', 0)],
  },
  {
    candidateId: 'C4',
    items: [S('i1', 'a'), S('i2', 'c'), S('i3', null), S('i4', 'a'), R('j4', 1), R('j1', 1)],
  },
  {
    candidateId: 'C5',
    items: [S('i1', 'b'), S('i2', null), S('i3', 'c'), S('i4', 'b'), R('j1', 0), R('j3', 1)],
  },
];
const stats = computeItemStatistics(data);
const item = (id: string) => stats.items.find((i) => i.itemId === id)!;

describe('item statistics on the worked data set', () => {
  // p = proportion correct among those served.
  // Item-rest point-biserial, population moments, rest = section total − item (units of 5):
  //  i1: x=1,1,1,1,0 rest=2,2,2,1,0  cov=7/25  var x=4/25 var r=16/25  r = 7/8
  //  i2: x=1,1,1,0,0 rest=2,2,2,2,0  cov=6/25  var x=6/25 var r=16/25  r = √(3/8)
  //  i3: x=1,1,0,0,0 rest=2,2,3,2,0  cov=2/25  var x=6/25 var r=24/25  r = 1/6
  //  i4: x=0,0,1,1,0 rest=3,3,2,1,0  cov=−3/25 var x=6/25 var r=34/25  r = −√(3/68)
  it.each<[string, number, number, number, Record<string, number>, number, string[]]>([
    ['i1', 5, 4 / 5, 7 / 8, { a: 4, b: 1 }, 0, []],
    ['i2', 5, 3 / 5, Math.sqrt(3 / 8), { a: 3, c: 1 }, 1, []],
    ['i3', 5, 2 / 5, 1 / 6, { a: 2, b: 1, c: 1 }, 1, []],
    ['i4', 5, 2 / 5, -Math.sqrt(3 / 68), { a: 2, b: 2, c: 1 }, 0, ['negative-discrimination']],
  ])('%s: served %i, p %d, r_it %d', (id, served, p, r, choices, omitted, flags) => {
    const s = item(id);
    expect(s.sectionId).toBe('S');
    expect(s.served).toBe(served);
    expect(s.p).toBeCloseTo(p, 12);
    expect(s.pointBiserial).toBeCloseTo(r, 12);
    expect(s.choices).toEqual(choices);
    expect(s.omitted).toBe(omitted);
    expect(s.flags).toEqual(flags);
  });

  it('counts a random-form item only over the candidates served it (an unseen item is not wrong)', () => {
    // j1 was served to C1 (1), C4 (1), C5 (0): p = 2/3, not 2/5.
    expect(item('j1')).toMatchObject({ served: 3, p: 2 / 3, choices: { a: 2, b: 1 }, omitted: 0 });
    // its rest scores are 1, 1, 1: no variance, so no correlation — flagged, not counted as 0.
    expect(item('j1').pointBiserial).toBeNull();
    expect(item('j1').flags).toEqual(['no-variance']);
    expect(item('j2')).toMatchObject({ served: 2, p: 1 / 2 });
    expect(item('j3')).toMatchObject({ served: 3, p: 2 / 3 });
    expect(item('j4')).toMatchObject({ served: 2, p: 1 / 2 });
  });

  it('KR-20 on the fixed section: 4/3 · (1 − Σpq / var(total)) = 4/3 · (1 − (22/25)/(34/25)) = 8/17', () => {
    // Σpq = 4/25 + 6/25 + 6/25 + 6/25 = 22/25; totals 3,3,3,2,0: mean 11/5, var = 34/25.
    const s = stats.sections.find((x) => x.sectionId === 'S');
    expect(s).toMatchObject({ method: 'kr20', candidates: 5, itemsPerForm: 4 });
    expect(s?.value).toBeCloseTo(8 / 17, 12);
  });

  it('split-half with Spearman–Brown on the random section: r = 1/6 → 2/7', () => {
    // halves (1st, 2nd item of each form): A = 1,1,0,1,0  B = 1,0,0,1,1
    // cov = 2/5 − 9/25 = 1/25; var A = var B = 6/25; r = 1/6; SB = (2/6)/(7/6) = 2/7
    const r = stats.sections.find((x) => x.sectionId === 'R');
    expect(r).toMatchObject({ method: 'split-half', candidates: 5, itemsPerForm: 2 });
    expect(r?.value).toBeCloseTo(2 / 7, 12);
  });

  it("uses Cronbach's alpha on a fixed polytomous section (weights 1–5)", () => {
    // two items, three candidates: x = 5,3,1 and y = 4,4,1; var x = 8/3, var y = 2, totals 9,7,2 (mean 6) var = 26/3
    // alpha = 2 · (1 − (8/3 + 2) / (26/3)) = 2 · (1 − 14/26) = 12/13
    const W = (itemId: string, score: number): ServedItem => ({
      itemId,
      sectionId: 'TKP',
      choice: String(score),
      score,
      maxScore: 5,
    });
    const s = computeItemStatistics([
      { candidateId: 'a', items: [W('x', 5), W('y', 4)] },
      { candidateId: 'b', items: [W('x', 3), W('y', 4)] },
      { candidateId: 'c', items: [W('x', 1), W('y', 1)] },
    ]).sections[0];
    expect(s).toMatchObject({ sectionId: 'TKP', method: 'alpha' });
    expect(s?.value).toBeCloseTo(12 / 13, 12);
  });
});

describe('helpers', () => {
  it.each<[number[], number]>([
    [[], 0],
    [[2], 0],
    [[1, 3], 1],
    [[1, 1, 1, 0, 0], 6 / 25],
  ])('population variance of %j = %d', (xs, v) => expect(variance(xs)).toBeCloseTo(v, 12));

  it.each<[number[], number[], number | null]>([
    [[1, 2, 3], [2, 4, 6], 1],
    [[1, 2, 3], [3, 2, 1], -1],
    [[1, 1, 1], [1, 2, 3], null],
    [[1], [1], null],
  ])('pearson(%j, %j) = %s', (xs, ys, r) => {
    const got = pearson(xs, ys);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 12);
  });

  it.each<[number, number]>([
    [0, 0],
    [1 / 6, 2 / 7],
    [1, 1],
  ])('Spearman–Brown(%d) = %d', (r, sb) => expect(spearmanBrown(r)).toBeCloseTo(sb, 12));

  it('no candidates: no items, no sections', () => {
    expect(computeItemStatistics([])).toEqual({ items: [], sections: [] });
  });
});
