// Psych norm settings repository: PSYCHNORMS#examId / CURRENT, one item per exam (norm group source, table, cut-offs).
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { PsychNormSettings, PsychNormsRepo } from './types.ts';

export const createPsychNormsRepo = (table: Table): PsychNormsRepo => ({
  async get(examId: string): Promise<PsychNormSettings | undefined> {
    const item = await table.get(keys.psychNorms(examId), true);
    return item ? Table.fromItem<PsychNormSettings>(item) : undefined;
  },
  async put(settings: PsychNormSettings): Promise<void> {
    await table.put(Table.toItem(keys.psychNorms(settings.examId), settings));
  },
});
