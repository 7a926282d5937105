// Item bank repository: working items (BANK#id / ITEM#…), the bank's head snapshot, immutable snapshots (SNAP#sha256).
import type { Item } from '../domain/items.ts';
import type { BankSnapshot } from '../domain/snapshot.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { BankRepo } from './types.ts';

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
  async putSnapshot(snapshot: BankSnapshot): Promise<void> {
    await table.batchPut(
      snapshot.items.map((i) => Table.toItem(keys.snapshotItem(snapshot.id, i.category, i.id), i)),
    );
    const meta: SnapshotMeta = { bankId: snapshot.bankId, itemCount: snapshot.items.length };
    await table.put(Table.toItem(keys.snapshotMeta(snapshot.id), meta));
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

  async setHead(bankId: string, snapshotId: string): Promise<void> {
    await table.put(Table.toItem(keys.bankHead(bankId), { snapshotId }));
  },

  async head(bankId: string): Promise<string | undefined> {
    const row = await table.get(keys.bankHead(bankId), true);
    return row ? Table.fromItem<{ snapshotId: string }>(row).snapshotId : undefined;
  },
});
