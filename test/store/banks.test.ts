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

describe('bank and snapshot lists', () => {
  it('lists each snapshot a bank had once, with counts, keeping the first time and origin', async () => {
    const first = snapshotOf('lst', [singleItem('q1', 'TWK', 'lst'), singleItem('q2', 'TIU', 'lst')]);
    const second = snapshotOf('lst', [singleItem('q1', 'TWK', 'lst')]);
    await store.banks.putSnapshot(first, { createdAt: 10, origin: 'import' });
    await store.banks.putSnapshot(second, { createdAt: 20, origin: 'import' });
    await store.banks.putSnapshot(first, { createdAt: 30, origin: 'regrade' });
    const listed = await store.banks.listSnapshots('lst');
    expect(listed).toEqual([
      {
        snapshotId: first.id,
        bankId: 'lst',
        itemCount: 2,
        byCategory: { TWK: 1, TIU: 1 },
        createdAt: 10,
        origin: 'import',
      },
      {
        snapshotId: second.id,
        bankId: 'lst',
        itemCount: 1,
        byCategory: { TWK: 1 },
        createdAt: 20,
        origin: 'import',
      },
    ]);
    // the snapshot entries do not show up as bank items
    expect(await store.banks.list('lst')).toEqual([]);
  });

  it('setHead lists the bank with its current snapshot', async () => {
    await store.banks.setHead('hd1', 'a'.repeat(64), 7);
    await store.banks.setHead('hd1', 'b'.repeat(64), 8);
    const listed = (await store.banks.listBanks()).filter((b) => b.bankId === 'hd1');
    expect(listed).toEqual([{ bankId: 'hd1', head: 'b'.repeat(64), updatedAt: 8 }]);
    expect(await store.banks.head('hd1')).toBe('b'.repeat(64));
  });
});
