// Candidate registry: the rows of each import under CANDSET#importId, and the CANDIDATES pointer to the one in force.
import type { CandidateRecord, CandidatesPointer } from '../domain/registry.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { CandidateRepo } from './types.ts';

export const createCandidateRepo = (table: Table): CandidateRepo => {
  const listImport = async (importId: string): Promise<CandidateRecord[]> => {
    const { PK, SKPrefix } = keys.importedCandidatesPrefix(importId);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.map((i) => Table.fromItem<CandidateRecord>(i));
  };
  const getPointer = async (): Promise<CandidatesPointer | undefined> => {
    const item = await table.get(keys.candidatesPointer(), true);
    return item ? Table.fromItem<CandidatesPointer>(item) : undefined;
  };
  return {
    /** Idempotent: the same rows under the same import id write the same items. Invisible until setPointer. */
    async putImportRows(importId: string, rows: CandidateRecord[]): Promise<void> {
      await table.batchPut(rows.map((r) => Table.toItem(keys.importedCandidate(importId, r.regNo), r)));
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
