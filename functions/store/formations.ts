// Formation repository: FORMATIONS / FORMATION#id items, one partition so the list is one query.
import type { Formation } from '../domain/registry.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { FormationRepo } from './types.ts';

export const createFormationRepo = (table: Table): FormationRepo => ({
  async put(formation: Formation): Promise<void> {
    await table.put(Table.toItem(keys.formation(formation.id), formation));
  },
  async putMany(formations: Formation[]): Promise<void> {
    await table.batchPut(formations.map((f) => Table.toItem(keys.formation(f.id), f)));
  },
  async get(formationId: string): Promise<Formation | undefined> {
    const item = await table.get(keys.formation(formationId), true);
    return item ? Table.fromItem<Formation>(item) : undefined;
  },
  async list(): Promise<Formation[]> {
    const { PK, SKPrefix } = keys.formationList();
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.map((i) => Table.fromItem<Formation>(i));
  },
});
