import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import {
  categoryOf,
  checkNormTable,
  normalCdf,
  normFromScores,
  normScore,
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
  ])('refuses %j', (bad) => {
    expect(() => checkNormTable(bad)).toThrow(DomainError);
  });
  it('refuses cut-offs low above high', () => {
    expect(() => checkNormTable(ok, { lowBelow: 60, highAbove: 40 })).toThrow(DomainError);
  });
});
