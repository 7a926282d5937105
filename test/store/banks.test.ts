import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../functions/domain/items.ts';
import { snapshotOf, verifySnapshot } from '../../functions/domain/snapshot.ts';
import type { Store } from '../../functions/store/types.ts';
import { singleItem, weightedItem } from './fixtures.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

describe('banks', () => {
  it('writes more than one batch of 25 and lists them all, by category', async () => {
    const items: Item[] = [
      ...Array.from({ length: 40 }, (_, i) => singleItem(`twk-${String(i).padStart(3, '0')}`, 'TWK')),
      ...Array.from({ length: 30 }, (_, i) => singleItem(`tiu-${String(i).padStart(3, '0')}`, 'TIU')),
      ...Array.from({ length: 12 }, (_, i) => weightedItem(`tkp-${String(i).padStart(3, '0')}`)),
    ];
    await store.banks.putItems(items);
    const all = await store.banks.list('b1');
    expect(all).toHaveLength(82);
    const twk = await store.banks.listByCategory('b1', 'TWK');
    expect(twk.map((i) => i.id)).toEqual(items.slice(0, 40).map((i) => i.id));
    const tkp = await store.banks.listByCategory('b1', 'TKP');
    expect(tkp[0]).toEqual(items[70]);
    expect(await store.banks.listByCategory('b1', 'TW')).toEqual([]);
    expect(await store.banks.list('other')).toEqual([]);
  });

  it('a repeated item in one call is written once (last wins)', async () => {
    const a = singleItem('dup', 'X', 'b2');
    await store.banks.putItems([a, { ...a, stem: 'second' }]);
    const got = await store.banks.list('b2');
    expect(got).toHaveLength(1);
    expect(got[0]?.stem).toBe('second');
  });

  it('an empty call is a no-op', async () => {
    await store.banks.putItems([]);
  });
});

describe('bank snapshots', () => {
  it('round-trips a snapshot (items sorted, same id when re-hashed) and is invisible to the working items', async () => {
    const items = [weightedItem('tkp-001'), singleItem('twk-002', 'TWK'), singleItem('twk-001', 'TWK')].map(
      (i) => ({
        ...i,
        bankId: 'snap-1',
      }),
    );
    const snap = snapshotOf('snap-1', items);
    expect(await store.banks.getSnapshot(snap.id)).toBeUndefined();
    await store.banks.putSnapshot(snap);
    await store.banks.putSnapshot(snap); // idempotent
    const got = await store.banks.getSnapshot(snap.id);
    expect(got).toEqual(snap);
    expect(got && verifySnapshot(got)).toBe(true);
    expect(await store.banks.list('snap-1')).toEqual([]);
  });

  it('head: absent, then the last one set', async () => {
    expect(await store.banks.head('snap-3')).toBeUndefined();
    await store.banks.setHead('snap-3', 'a'.repeat(64));
    await store.banks.setHead('snap-3', 'b'.repeat(64));
    expect(await store.banks.head('snap-3')).toBe('b'.repeat(64));
    expect(await store.banks.list('snap-3')).toEqual([]); // HEAD is not an item
  });
});
