// Item bank repository: BANK#id / ITEM#category#itemId, bulk-written with BatchWriteItem.
import type { Item } from '../domain/items.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { BankRepo } from './types.ts';

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
});
