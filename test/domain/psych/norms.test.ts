import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import {
  categoryOf,
  checkNormTable,
  normalCdf,
  normFromScores,
  normScore,
  percentileFromPoints,
  scaleNormProblem,
} from '../../../functions/domain/psych/norms.ts';

describe('normFromScores', () => {
  it('mean and sample SD worked by hand: 10 12 14 -> mean 12, sd √((4+0+4)/2) = 2', () => {
    expect(normFromScores([10, 12, 14])).toEqual({ mean: 12, sd: 2, n: 3 });
  });
  it.each([[[]], [[5]], [[3, 3, 3]]])('%j cannot be a norm group', (xs) => {
    expect(() => normFromScores(xs)).toThrow(DomainError);
  });
});

describe('normScore against norm mean 12, sd 2', () => {
  const norm = { mean: 12, sd: 2, n: 3 };
  it.each([
    // raw, z, T, percentile (standard normal table), category
    [16, 2, 70, 97.725, 'high'],
    [12, 0, 50, 50, 'average'],
    [9, -1.5, 35, 6.681, 'low'],
    [10, -1, 40, 15.866, 'average'], // T exactly at the low cut-off is average
    [14, 1, 60, 84.134, 'average'], // T exactly at the high cut-off is average
    [14.2, 1.1, 61, 86.433, 'high'],
  ] as const)('raw %d -> z %d, T %d, P %d, %s', (raw, z, t, p, cat) => {
    const s = normScore(raw, norm);
    expect(s.z).toBeCloseTo(z, 10);
    expect(s.t).toBeCloseTo(t, 10);
    expect(s.percentile).toBeCloseTo(p, 2);
    expect(s.category).toBe(cat);
  });
  it('configurable cut-offs', () => {
    expect(normScore(11, norm, { lowBelow: 45, highAbove: 55 }).category).toBe('average'); // T 45
    expect(normScore(10.8, norm, { lowBelow: 45, highAbove: 55 }).category).toBe('low'); // T 44
    expect(categoryOf(56, { lowBelow: 45, highAbove: 55 })).toBe('high');
  });
});

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.959964, 0.975],
    [-1.959964, 0.025],
    [3, 0.99865],
  ])('Φ(%d) ≈ %d', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 5);
  });
});

describe('checkNormTable (imported norm table)', () => {
  const ok = { id: 't', description: 'imported', scales: { extraversion: { mean: 30, sd: 6, n: 200 } } };
  it('accepts a sound table', () => expect(() => checkNormTable(ok)).not.toThrow());
  it.each([
    [{ ...ok, scales: { e: { mean: 30, sd: 0, n: 200 } } }],
    [{ ...ok, scales: { e: { mean: Number.NaN, sd: 6, n: 200 } } }],
    [{ ...ok, scales: { e: { mean: 30, sd: 6, n: 1 } } }],
    [{ ...ok, scales: { e: { mean: 30, sd: 6, n: null, points: [{ percentile: 50, raw: 30 }] } } }],
  ])('refuses %j', (bad) => {
    expect(() => checkNormTable(bad)).toThrow(DomainError);
  });
  it('refuses cut-offs low above high', () => {
    expect(() => checkNormTable(ok, { lowBelow: 60, highAbove: 40 })).toThrow(DomainError);
  });
});

describe('percentile points of an imported table', () => {
  // raw 20 at P10, 25 at P50, 32 at P90
  const points = [
    { percentile: 10, raw: 20 },
    { percentile: 50, raw: 25 },
    { percentile: 90, raw: 32 },
  ];
  it.each([
    [15, 10], // below the lowest point: the lowest point's P (the table knows no more)
    [20, 10],
    [22.5, 30], // halfway 20..25 -> halfway 10..50
    [25, 50],
    [30, 50 + (5 / 7) * 40], // 78.571…
    [32, 90],
    [40, 90],
  ])('raw %d -> P %d', (raw, p) => {
    expect(percentileFromPoints(raw, points)).toBeCloseTo(p, 10);
  });
  it('equal raw scores at two points: the higher P', () => {
    expect(
      percentileFromPoints(25, [
        { percentile: 25, raw: 25 },
        { percentile: 50, raw: 25 },
        { percentile: 75, raw: 30 },
      ]),
    ).toBe(50);
  });
  it('normScore takes the percentile from the points, z and T from mean and sd', () => {
    const s = normScore(30, { mean: 25, sd: 5, n: null, points });
    expect(s).toMatchObject({ z: 1, t: 60, category: 'average' });
    expect(s.percentile).toBeCloseTo(78.5714, 3);
    expect(normScore(30, { mean: 25, sd: 5, n: null }).percentile).toBeCloseTo(84.134, 2);
  });
  it.each([
    [{ mean: 1, sd: 1, n: null }, null],
    [{ mean: 1, sd: 1, n: 2, points }, null],
    [{ mean: 1, sd: -1, n: null }, 'sd must be > 0'],
    [{ mean: 1, sd: 1, n: 1.5 }, 'n must be an integer ≥ 2 when given'],
    [
      { mean: 1, sd: 1, n: null, points: [points[1], points[0]] },
      'percentile points must rise in P and not fall in raw score',
    ],
    [
      {
        mean: 1,
        sd: 1,
        n: null,
        points: [
          { percentile: 10, raw: 30 },
          { percentile: 50, raw: 20 },
        ],
      },
      'percentile points must rise in P and not fall in raw score',
    ],
    [
      { mean: 1, sd: 1, n: null, points: [{ percentile: 100, raw: 3 }, points[0]] },
      'percentile points need 0 < P < 100 and a number',
    ],
  ] as const)('%j -> %s', (norm, problem) => {
    expect(scaleNormProblem(norm as Parameters<typeof scaleNormProblem>[0])).toBe(problem);
  });
});
