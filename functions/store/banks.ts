// Item bank repository: working items (BANK#id / ITEM#…), the bank's head snapshot, immutable snapshots (SNAP#sha256).

import { isDomainError } from '../domain/errors.ts';
import type { Item } from '../domain/items.ts';
import type { BankSnapshot } from '../domain/snapshot.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { BankRepo, BankSummary, SnapshotSummary } from './types.ts';

interface SnapshotMeta {
  bankId: string;
  itemCount: number;
}

export const createBankRepo = (table: Table): BankRepo => ({
  async putItems(items: Item[]): Promise<void> {
    await table.batchPut(items.map((i) => Table.toItem(keys.bankItem(i.bankId, i.category, i.id), i)));
  },
  async list(bankId: string): Promise<Item[]> {
    const { PK, SKPrefix } = keys.bankPrefix(bankId);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix });
    return items.map((i) => Table.fromItem<Item>(i));
  },
  async listByCategory(bankId: string, category: string): Promise<Item[]> {
    const { PK, SKPrefix } = keys.bankCategoryPrefix(bankId, category);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix });
    return items.map((i) => Table.fromItem<Item>(i));
  },

  /**
   * Items first, META last: a reader never sees a META whose items are not all written. Content-addressed,
   * so writing the same snapshot again rewrites identical items (idempotent, no condition needed).
   */
  async putSnapshot(snapshot: BankSnapshot, info = {}): Promise<void> {
    await table.batchPut(
      snapshot.items.map((i) => Table.toItem(keys.snapshotItem(snapshot.id, i.category, i.id), i)),
    );
    const meta: SnapshotMeta = { bankId: snapshot.bankId, itemCount: snapshot.items.length };
    await table.put(Table.toItem(keys.snapshotMeta(snapshot.id), meta));
    const byCategory: Record<string, number> = {};
    for (const i of snapshot.items) byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
    const entry: SnapshotSummary = {
      snapshotId: snapshot.id,
      bankId: snapshot.bankId,
      itemCount: snapshot.items.length,
      byCategory,
      ...info,
    };
    try {
      // The first write wins: the same snapshot made again (same items) keeps its first time and origin.
      await table.put(Table.toItem(keys.bankSnapshotEntry(snapshot.bankId, snapshot.id), entry), {
        condition: 'attribute_not_exists(SK)',
        onConditional: 'DUPLICATE',
      });
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'DUPLICATE') throw e;
    }
  },

  async listSnapshots(bankId: string): Promise<SnapshotSummary[]> {
    const { PK, SKPrefix } = keys.bankSnapshotsPrefix(bankId);
    const rows = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return rows
      .map((r) => Table.fromItem<SnapshotSummary>(r))
      .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.snapshotId < b.snapshotId ? -1 : 1));
  },

  /** The snapshot, or undefined when its META is absent (never written, or still being written). */
  async getSnapshot(snapshotId: string): Promise<BankSnapshot | undefined> {
    const rows = await table.queryPartition(keys.snapshotPartition(snapshotId).PK, { consistent: true });
    const metaSk = keys.snapshotMeta(snapshotId).SK;
    const metaRow = rows.find((r) => r.SK?.S === metaSk);
    if (!metaRow) return undefined;
    const meta = Table.fromItem<SnapshotMeta>(metaRow);
    const items = rows.filter((r) => r.SK?.S !== metaSk).map((r) => Table.fromItem<Item>(r));
    if (items.length !== meta.itemCount) return undefined;
    items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { id: snapshotId, bankId: meta.bankId, items };
  },

  async setHead(bankId: string, snapshotId: string, at?: number): Promise<void> {
    await table.put(Table.toItem(keys.bankHead(bankId), { snapshotId }));
    const summary: BankSummary = { bankId, head: snapshotId, ...(at === undefined ? {} : { updatedAt: at }) };
    await table.put(Table.toItem(keys.bankListEntry(bankId), summary));
  },

  async listBanks(): Promise<BankSummary[]> {
    const { PK, SKPrefix } = keys.bankList();
    const rows = await table.queryPartition(PK, { skPrefix: SKPrefix });
    return rows.map((r) => Table.fromItem<BankSummary>(r));
  },

  async head(bankId: string): Promise<string | undefined> {
    const row = await table.get(keys.bankHead(bankId), true);
    return row ? Table.fromItem<{ snapshotId: string }>(row).snapshotId : undefined;
  },
});
