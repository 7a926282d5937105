import { describe, expect, it } from 'vitest';
import type { ItemBase } from '../../../functions/domain/items.ts';
import { type SingleItem, singleKind } from '../../../functions/domain/kinds/single.ts';

const base: ItemBase = { id: 'q', bankId: 'b', category: 'TWK', stem: 'S' };
const opts = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B', image: 'x.png' },
  { id: 'c', text: 'C' },
];
const item: SingleItem = { ...base, kind: 'single', options: opts, key: 'b' };

describe('single kind', () => {
  it('parses exactly its fields (stray members dropped)', () => {
    expect(singleKind.parse(base, { options: opts, key: 'b', weights: { a: 1 } })).toEqual({
      ok: true,
      item,
    });
  });

  it.each([
    [{ options: opts, key: 'z' }, ['key: key z is not one of the options']],
    [{ options: opts }, ['key: missing']],
    [{ options: [{ id: 'a', text: 'A' }], key: 'a' }, ['options: at least 2 options']],
    [
      {
        options: [
          { id: 'a', text: 'A' },
          { id: 'a', text: 'B' },
        ],
        key: 'a',
      },
      ['options: duplicate option id a'],
    ],
    [
      { options: [{ id: 'a', text: '' }, { id: 'b' }], key: 'a' },
      ['options.0: needs a non-empty id and text', 'options.1: needs a non-empty id and text'],
    ],
  ])('%j -> problems %j', (value, problems) => {
    expect(singleKind.parse(base, value)).toEqual({ ok: false, problems });
  });

  it.each([
    ['b', 5, 5],
    ['a', 5, 0],
    ['c', 4, 0],
    ['b', 4, 4],
    ['zz', 5, 0],
  ])('response %s with correctPoints %i -> %i points', (r, cp, pts) => {
    expect(singleKind.points(item, r, cp)).toBe(pts);
  });

  it('max = correctPoints; responses = option ids in bank order; shuffled; shows its options', () => {
    expect(singleKind.max(item, 5)).toBe(5);
    expect(singleKind.responses(item)).toEqual(['a', 'b', 'c']);
    expect(singleKind.shuffled).toBe(true);
    expect(singleKind.shown(item)).toEqual(opts);
  });
});
