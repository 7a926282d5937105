import { describe, expect, it } from 'vitest';
import type { ItemBase } from '../../../functions/domain/items.ts';
import { type WeightedItem, weightedKind } from '../../../functions/domain/kinds/weighted.ts';

const base: ItemBase = { id: 'q', bankId: 'b', category: 'TKP', stem: 'S' };
const opts = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
];
const item: WeightedItem = { ...base, kind: 'weighted', options: opts, weights: { a: 2, b: 4, c: 1 } };

describe('weighted kind', () => {
  it('parses exactly its fields', () => {
    expect(weightedKind.parse(base, { options: opts, weights: { a: 2, b: 4, c: 1 }, key: 'a' })).toEqual({
      ok: true,
      item,
    });
  });

  it.each([
    [{ options: opts }, ['weights: missing']],
    [{ options: opts, weights: { a: 1, b: 2 } }, ['weights: option c has no weight']],
    [{ options: opts, weights: { a: 1, b: 2, c: 3, d: 4 } }, ['weights: weight for unknown option d']],
    [{ options: opts, weights: { a: 1, b: '2', c: 3 } }, ['weights: weight of option b is not a number']],
  ])('%j -> problems %j', (value, problems) => {
    expect(weightedKind.parse(base, value)).toEqual({ ok: false, problems });
  });

  it.each([
    ['a', 2],
    ['b', 4],
    ['c', 1],
    ['x', 0],
  ])('response %s -> %i points (correctPoints ignored)', (r, pts) => {
    expect(weightedKind.points(item, r, 5)).toBe(pts);
  });

  it('max = the highest weight; responses in bank order; shuffled', () => {
    expect(weightedKind.max(item, 5)).toBe(4);
    expect(weightedKind.responses(item)).toEqual(['a', 'b', 'c']);
    expect(weightedKind.shuffled).toBe(true);
    expect(weightedKind.shown(item)).toEqual(opts);
  });
});
