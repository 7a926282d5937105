import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors.ts';
import type { Item, LikertItem, SingleItem, WeightedItem } from '../../functions/domain/items.ts';
import { regradeCheck } from '../../functions/domain/regrade.ts';
import { snapshotOf } from '../../functions/domain/snapshot.ts';
import { single, weighted } from './fixtures.ts';

const s1 = single('b', 'twk-001', 'TWK', 'a');
const s2 = single('b', 'twk-002', 'TWK', 'c');
const w1 = weighted('b', 'tkp-001', 'TKP');
const l1: LikertItem = {
  id: 'psy-001',
  bankId: 'b',
  category: 'BIG5',
  kind: 'likert',
  stem: 'Saya rapi.',
  trait: 'C',
  reverse: false,
};
const old = snapshotOf('b', [s1, s2, w1, l1]);
const withItems = (...replace: Item[]) => {
  const byId = new Map(old.items.map((i) => [i.id, i]));
  for (const r of replace) byId.set(r.id, r);
  return snapshotOf('b', [...byId.values()]);
};
const opts = (i: SingleItem | WeightedItem) => i.options;

describe('regradeCheck: allowed corrections (the changed items, id order)', () => {
  it.each<[string, () => ReturnType<typeof snapshotOf>, Array<{ itemId: string; fields: string[] }>]>([
    ['the same snapshot: nothing changed', () => old, []],
    ['a key moved a -> b', () => withItems({ ...s1, key: 'b' }), [{ itemId: 'twk-001', fields: ['key'] }]],
    [
      'a weight changed',
      () => withItems({ ...w1, weights: { ...w1.weights, a: 1, e: 5 } }),
      [{ itemId: 'tkp-001', fields: ['weights'] }],
    ],
    [
      'a likert item re-keyed reverse',
      () => withItems({ ...l1, reverse: true }),
      [{ itemId: 'psy-001', fields: ['reverse'] }],
    ],
    [
      'two items at once',
      () => withItems({ ...s2, key: 'a' }, { ...s1, key: 'd' }),
      [
        { itemId: 'twk-001', fields: ['key'] },
        { itemId: 'twk-002', fields: ['key'] },
      ],
    ],
  ])('%s', (_name, corrected, expected) => {
    expect(regradeCheck(old, corrected())).toEqual(expected);
  });
});

describe('regradeCheck: refused corrections (INVALID_ITEM with a catalog key)', () => {
  it.each<[string, () => ReturnType<typeof snapshotOf>, string, Record<string, unknown>]>([
    [
      'an option added',
      () => withItems({ ...s1, options: [...opts(s1), { id: 'f', text: 'Baru' }] }),
      'INVALID_ITEM.regradeOptions',
      { itemId: 'twk-001', field: 'options' },
    ],
    [
      'an option removed (the key still among the rest)',
      () => withItems({ ...s1, options: opts(s1).slice(0, 4) }),
      'INVALID_ITEM.regradeOptions',
      { itemId: 'twk-001', field: 'options' },
    ],
    [
      'an option text changed',
      () => withItems({ ...s1, options: opts(s1).map((o, i) => (i === 1 ? { ...o, text: 'Lain' } : o)) }),
      'INVALID_ITEM.regradeOptions',
      { itemId: 'twk-001', field: 'options' },
    ],
    [
      'options reordered',
      () => withItems({ ...s1, options: opts(s1).slice().reverse() }),
      'INVALID_ITEM.regradeOptions',
      { itemId: 'twk-001', field: 'options' },
    ],
    [
      'an item added',
      () => withItems(single('b', 'twk-003', 'TWK')),
      'INVALID_ITEM.regradeItems',
      { itemId: 'twk-003', change: 'added' },
    ],
    [
      'an item removed',
      () => snapshotOf('b', [s1, w1, l1]),
      'INVALID_ITEM.regradeItems',
      { itemId: 'twk-002', change: 'removed' },
    ],
    [
      'a kind changed (single -> weighted with the same options)',
      () =>
        withItems({
          ...w1,
          id: 'twk-001',
          category: 'TWK',
          stem: s1.stem,
          options: s1.options,
        }),
      'INVALID_ITEM.regradeKind',
      { itemId: 'twk-001', field: 'kind' },
    ],
    [
      'a category changed',
      () => withItems({ ...s1, category: 'TIU' }),
      'INVALID_ITEM.regradeCategory',
      { itemId: 'twk-001', field: 'category' },
    ],
    [
      'a stem changed',
      () => withItems({ ...s1, stem: 'Soal lain' }),
      'INVALID_ITEM.regradeField',
      { itemId: 'twk-001', field: 'stem' },
    ],
    [
      'a difficulty added',
      () => withItems({ ...s2, difficulty: 'hard' }),
      'INVALID_ITEM.regradeField',
      { itemId: 'twk-002', field: 'difficulty' },
    ],
    [
      'a likert trait changed',
      () => withItems({ ...l1, trait: 'N' }),
      'INVALID_ITEM.regradeField',
      { itemId: 'psy-001', field: 'trait' },
    ],
    [
      'another bank',
      () =>
        snapshotOf(
          'c',
          old.items.map((i) => ({ ...i, bankId: 'c' })),
        ),
      'INVALID_ITEM.regradeBank',
      { bankId: 'c' },
    ],
  ])('%s', (_name, corrected, key, details) => {
    let caught: unknown;
    try {
      regradeCheck(old, corrected());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'INVALID_ITEM', key, details });
  });
});
