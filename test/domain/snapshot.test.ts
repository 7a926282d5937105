import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pinsKey, snapshotIdOf, snapshotOf, verifySnapshot } from '../../functions/domain/snapshot.ts';
import { single, weighted } from './fixtures.ts';

const a = single('b', 'twk-002', 'TWK', 'c');
const b = weighted('b', 'tkp-001', 'TKP');

describe('bank snapshots', () => {
  it('the id is SHA-256 of the canonical JSON of the items sorted by id, worked out by hand for one item', () => {
    const item = {
      id: 'q',
      bankId: 'b',
      category: 'C',
      stem: 'S',
      kind: 'likert' as const,
      trait: 'T',
      reverse: false,
    };
    const canonical =
      '[{"bankId":"b","category":"C","id":"q","kind":"likert","reverse":false,"stem":"S","trait":"T"}]';
    expect(snapshotIdOf([item])).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('is content-addressed: order does not matter, any change of content changes the id', () => {
    const s = snapshotOf('b', [a, b]);
    expect(s.items.map((i) => i.id)).toEqual(['tkp-001', 'twk-002']);
    expect(snapshotOf('b', [b, a]).id).toBe(s.id);
    expect(snapshotOf('b', [a, { ...b, weights: { ...b.weights, a: 4 } }]).id).not.toBe(s.id);
    expect(snapshotOf('b', [a]).id).not.toBe(s.id);
    expect(verifySnapshot(s)).toBe(true);
    expect(verifySnapshot({ ...s, items: [a] })).toBe(false);
  });

  it.each([
    ['an item of another bank', [a, { ...b, bankId: 'x' }], /belongs to bank x/],
    ['a duplicate id', [a, { ...a, stem: 'other' }], /duplicate item id twk-002/],
  ])('refuses %s (INVALID_ITEM)', (_n, items, message) => {
    expect(() => snapshotOf('b', items)).toThrow(
      expect.objectContaining({ code: 'INVALID_ITEM', message: expect.stringMatching(message) }),
    );
  });

  it('pinsKey is stable whatever the key order', () => {
    expect(pinsKey({ y: '2', x: '1' })).toBe('x=1,y=2');
    expect(pinsKey({ x: '1', y: '2' })).toBe(pinsKey({ y: '2', x: '1' }));
  });
});
