// SKB repository: per SKD exam its settings (SKB#exam / CONFIG), score imports packed per chunk
// (SET#importId#CHUNK#n) and the pointer to the import in force (CURRENT, written last).
import type { SkbScoreRow, SkbSettings } from '../domain/skb.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { SkbImportPointer, SkbRepo } from './types.ts';

interface ChunkItem {
  importId: string;
  n: number;
  rows: SkbScoreRow[];
}

export const createSkbRepo = (table: Table): SkbRepo => {
  const listImport = async (examId: string, importId: string): Promise<SkbScoreRow[]> => {
    const { PK, SKPrefix } = keys.skbChunksPrefix(examId, importId);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.flatMap((i) => Table.fromItem<ChunkItem>(i).rows);
  };
  const getPointer = async (examId: string): Promise<SkbImportPointer | undefined> => {
    const item = await table.get(keys.skbPointer(examId), true);
    return item ? Table.fromItem<SkbImportPointer>(item) : undefined;
  };
  return {
    async getSettings(examId: string): Promise<SkbSettings | undefined> {
      const item = await table.get(keys.skbConfig(examId), true);
      return item ? Table.fromItem<{ settings: SkbSettings }>(item).settings : undefined;
    },
    async putSettings(examId: string, settings: SkbSettings): Promise<void> {
      await table.put(Table.toItem(keys.skbConfig(examId), { settings }));
    },
    async putImportChunks(examId, importId, chunks): Promise<void> {
      await table.batchPut(
        chunks.map(({ n, rows }) =>
          Table.toItem(keys.skbChunk(examId, importId, n), { importId, n, rows } satisfies ChunkItem),
        ),
      );
    },
    getPointer,
    async setPointer(examId: string, pointer: SkbImportPointer): Promise<void> {
      await table.put(Table.toItem(keys.skbPointer(examId), pointer));
    },
    async listCurrent(examId: string): Promise<SkbScoreRow[]> {
      const pointer = await getPointer(examId);
      return pointer ? listImport(examId, pointer.importId) : [];
    },
  };
};
