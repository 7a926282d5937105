// Candidate registry: each import's rows packed into CHUNK items under CANDSET#importId, and the CANDIDATES
// pointer to the import in force (written last, so an import is visible whole or not at all).
import type { CandidateRecord, CandidatesPointer } from '../domain/registry.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { CandidateRepo } from './types.ts';

interface ChunkItem {
  importId: string;
  n: number;
  rows: CandidateRecord[];
}

export const createCandidateRepo = (table: Table): CandidateRepo => {
  const listImport = async (importId: string): Promise<CandidateRecord[]> => {
    const { PK, SKPrefix } = keys.importChunksPrefix(importId);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.flatMap((i) => Table.fromItem<ChunkItem>(i).rows);
  };
  const getPointer = async (): Promise<CandidatesPointer | undefined> => {
    const item = await table.get(keys.candidatesPointer(), true);
    return item ? Table.fromItem<CandidatesPointer>(item) : undefined;
  };
  return {
    async readChunks(importId: string, from: number, to: number): Promise<CandidateRecord[]> {
      // One Query over CHUNK#from..CHUNK#to (consistent: the chunks were written just before the pointer).
      const lo = keys.importChunk(importId, from);
      const hi = keys.importChunk(importId, to);
      const items = await table.queryBetween(lo.PK, lo.SK, hi.SK, { consistent: true });
      return items.flatMap((i) => Table.fromItem<ChunkItem>(i).rows);
    },
    async putImportChunks(
      importId: string,
      chunks: Array<{ n: number; rows: CandidateRecord[] }>,
    ): Promise<void> {
      await table.batchPut(
        chunks.map(({ n, rows }) =>
          Table.toItem(keys.importChunk(importId, n), { importId, n, rows } satisfies ChunkItem),
        ),
      );
    },
    listImport,
    getPointer,
    async setPointer(pointer: CandidatesPointer): Promise<void> {
      await table.put(Table.toItem(keys.candidatesPointer(), pointer));
    },
    async listCurrent(): Promise<CandidateRecord[]> {
      const pointer = await getPointer();
      return pointer ? listImport(pointer.importId) : [];
    },
  };
};
