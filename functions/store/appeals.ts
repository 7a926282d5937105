// Appeal repository: APPEALS / APPEAL#attemptId items (one per attempt, conditional writes), listed in one query.
import type { Appeal } from '../domain/appeal.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { AppealRepo } from './types.ts';

export const createAppealRepo = (table: Table): AppealRepo => ({
  /** First filing wins: a second appeal for the same attempt -> CONFLICT.appealExists. */
  async create(appeal: Appeal): Promise<void> {
    await table.put(Table.toItem(keys.appeal(appeal.attemptId), appeal), {
      condition: 'attribute_not_exists(#pk)',
      names: { '#pk': 'PK' },
      onConditional: 'CONFLICT',
    });
  },
  async get(attemptId: string): Promise<Appeal | undefined> {
    const item = await table.get(keys.appeal(attemptId), true);
    return item ? Table.fromItem<Appeal>(item) : undefined;
  },
  /** Answers an open appeal once: the write is conditional on the stored status still being open. */
  async resolve(appeal: Appeal): Promise<void> {
    await table.put(Table.toItem(keys.appeal(appeal.attemptId), appeal), {
      condition: '#st = :open',
      names: { '#st': 'status' },
      values: { ':open': { S: 'open' } },
      onConditional: 'CONFLICT',
    });
  },
  async list(): Promise<Appeal[]> {
    const { PK, SKPrefix } = keys.appealList();
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.map((i) => Table.fromItem<Appeal>(i));
  },
});
