import { describe, expect, it } from 'vitest';
import type { Item, ItemKind } from '../../../functions/domain/items.ts';
import {
  checkItem,
  ITEM_KINDS,
  itemMax,
  itemPoints,
  kindModule,
  kindOf,
} from '../../../functions/domain/kinds/registry.ts';
import { demoBank } from '../../../functions/local/demo/bank.ts';
import { itemInput } from '../../../functions/schemas/items.ts';

const ITEMS: Item[] = [
  {
    id: 's',
    bankId: 'b',
    category: 'TWK',
    stem: 'S',
    kind: 'single',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    key: 'a',
  },
  {
    id: 'w',
    bankId: 'b',
    category: 'TKP',
    stem: 'S',
    kind: 'weighted',
    difficulty: 'hard',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    weights: { a: 1, b: 5 },
  },
  { id: 'l', bankId: 'b', category: 'PSI', stem: 'S', kind: 'likert', trait: 'O', reverse: true },
  { id: 'k', bankId: 'b', category: 'KR', stem: 'S', kind: 'speed', columns: 2, rows: 3, columnSeconds: 4 },
];

describe('kind registry', () => {
  it('knows every kind once, each module under its own name', () => {
    expect(ITEM_KINDS).toEqual(['single', 'weighted', 'likert', 'speed'] satisfies ItemKind[]);
    for (const k of ITEM_KINDS) expect(kindModule(k).kind).toBe(k);
    expect(() => kindModule('essay')).toThrow(expect.objectContaining({ code: 'INVALID_ITEM' }));
  });

  it.each(ITEMS.map((i) => [i.kind, i] as const))('%s: checkItem rebuilds the item exactly', (_k, item) => {
    expect(checkItem('b', { ...item, bankId: 'other' })).toEqual({ ok: true, item });
    expect(kindOf(item).kind).toBe(item.kind);
  });

  it.each([
    [null, ['item: not an object']],
    [
      { id: 'x', category: 'A', stem: 'S', kind: 'essay' },
      ['kind: must be one of single, weighted, likert, speed'],
    ],
    [
      { id: '', category: '', stem: ' ', kind: 'likert', trait: 'C', reverse: false, difficulty: 'sulit' },
      [
        'id: missing',
        'category: missing',
        'stem: stem is empty',
        'difficulty: must be one of easy, medium, hard',
      ],
    ],
  ])('checkItem(%j) lists every problem', (value, problems) => {
    expect(checkItem('b', value)).toEqual({ ok: false, problems });
  });

  it('agrees with the API contract (zod) on every demo item: both accept it and build the same item', () => {
    for (const item of demoBank('demo')) {
      expect(itemInput.safeParse(item).success).toBe(true);
      expect(checkItem('demo', item)).toEqual({ ok: true, item });
    }
  });

  it.each([
    [ITEMS[0], 'a', 5, 5],
    [ITEMS[0], null, 0, 5],
    [ITEMS[1], 'b', 5, 5],
    [ITEMS[1], undefined, 0, 5],
    [ITEMS[2], '2', 4, 5],
    [ITEMS[3], null, 0, 0],
  ])('itemPoints/itemMax ask the kind; blank scores 0 for every kind', (item, response, points, max) => {
    const it = item as Item;
    expect(itemPoints(it, response, 5)).toBe(points);
    expect(itemMax(it, 5)).toBe(max);
  });
});
