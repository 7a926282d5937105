import { describe, expect, it } from 'vitest';
import type { Form } from '../../functions/domain/form.ts';
import type { Item } from '../../functions/domain/items.ts';
import { sha256Hex } from '../../functions/domain/seed.ts';
import { displayLetter, wireForm, wireItemId } from '../../functions/domain/wire.ts';
import { single, weighted } from './fixtures.ts';

const seed = 'ab'.repeat(32);
const likert: Item = {
  id: 'psi-001',
  bankId: 'b',
  category: 'PSI',
  stem: 'S',
  kind: 'likert',
  trait: 'C',
  reverse: false,
};
const items: Item[] = [single('b', 'twk-001', 'TWK', 'c'), weighted('b', 'tkp-001', 'TKP'), likert];
const form: Form = {
  examId: 'x',
  examVersion: 1,
  seed,
  items: [
    { itemId: 'tkp-001', sectionId: 'TKP', optionOrder: ['b', 'a', 'e', 'c', 'd'] },
    { itemId: 'twk-001', sectionId: 'TWK', optionOrder: ['c', 'e', 'a', 'd', 'b'] },
    { itemId: 'psi-001', sectionId: 'PSI', optionOrder: ['1', '2', '3', '4', '5'] },
  ],
};
const byId = new Map(items.map((i) => [i.id, i]));

describe('wire ids', () => {
  it('an item id on the wire is the first 16 hex of SHA-256(seed|item|itemId), written out', () => {
    expect(wireItemId(seed, 'twk-001')).toBe(sha256Hex(`${seed}|item|twk-001`).slice(0, 16));
    expect(wireItemId(seed, 'twk-001')).toMatch(/^[0-9a-f]{16}$/);
    expect(wireItemId('cd'.repeat(32), 'twk-001')).not.toBe(wireItemId(seed, 'twk-001'));
  });

  it.each([
    [0, 'a'],
    [1, 'b'],
    [4, 'e'],
    [5, 'f'],
  ])('display position %i -> letter %s', (k, l) => expect(displayLetter(k)).toBe(l));

  it('shuffled kinds: option wire id = display letter; likert keeps 1–5; both directions agree', () => {
    const w = wireForm(form, byId);
    const twk = w.byItem.get('twk-001');
    expect([...(twk?.toBank ?? [])]).toEqual([
      ['a', 'c'],
      ['b', 'e'],
      ['c', 'a'],
      ['d', 'd'],
      ['e', 'b'],
    ]);
    expect(twk?.toWire.get('c')).toBe('a'); // the key c is shown first
    expect([...(w.byItem.get('psi-001')?.toBank.keys() ?? [])]).toEqual(['1', '2', '3', '4', '5']);
    // Only the item's own options: a letter past the last option or an unknown id names nothing.
    expect(twk?.toBank.size).toBe(5);
    expect(twk?.toBank.get('f')).toBeUndefined();
    expect(twk?.toBank.has('e')).toBe(true);
    expect(twk?.toBank.has('f')).toBe(false);
    expect(twk?.toWire.get('z')).toBeUndefined();
    expect(w.byItem.get('psi-001')?.toWire.get('3')).toBe('3');
    for (const wi of w.byWire.values()) {
      expect(w.byItem.get(wi.itemId)).toEqual(wi);
      for (const [wire, bank] of wi.toBank) expect(wi.toWire.get(bank)).toBe(wire);
    }
  });

  it('both maps list the form in order, and only whole wire ids name an item', () => {
    const w = wireForm(form, byId);
    const ids = form.items.map((fi) => wireItemId(seed, fi.itemId));
    expect([...w.byWire.keys()]).toEqual(ids);
    expect([...w.byItem.keys()]).toEqual(['tkp-001', 'twk-001', 'psi-001']);
    expect([...w.byWire].map(([id, wi]) => [id, wi.itemId])).toEqual(
      ids.map((id, p) => [id, form.items[p]?.itemId]),
    );
    const seen: string[] = [];
    w.byItem.forEach((wi, key) => {
      seen.push(`${key}=${wi.wireId}`);
    });
    expect(seen).toEqual(form.items.map((fi, p) => `${fi.itemId}=${ids[p]}`));
    expect(w.byWire.size).toBe(3);
    expect(w.byItem.size).toBe(3);
    // Any 16 hex digits inside the list that straddle two ids, a prefix, an id with more: nothing.
    const joined = ids.join('');
    for (let at = 1; at < joined.length - 16; at++)
      if (at % 16 !== 0) expect(w.byWire.get(joined.slice(at, at + 16))).toBeUndefined();
    expect(w.byWire.has((ids[1] as string).slice(0, 15))).toBe(false);
    expect(w.byWire.get(`${ids[1]}0`)).toBeUndefined();
    expect(w.byWire.get(ids[2] as string)?.itemId).toBe('psi-001');
    // Item lookups in any order (the scan resumes after the last one found).
    expect(
      ['psi-001', 'tkp-001', 'psi-001', 'twk-001', 'nope'].map((id) => w.byItem.get(id)?.wireId),
    ).toEqual([ids[2], ids[0], ids[2], ids[1], undefined]);
  });

  it('two items with one wire id -> CONFLICT', () => {
    const twice: Form = { ...form, items: [form.items[1]!, form.items[1]!] };
    expect(() => wireForm(twice, byId)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('an unknown item -> NOT_FOUND', () => {
    expect(() => wireForm(form, new Map())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
