// Item bank use cases: import a bank from CSV or JSON (all or nothing) as a new snapshot, export it.
import { snapshotOf } from '../domain/snapshot.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { exportBankCsv, exportBankJson, parseBankCsv, parseBankJson } from './io/bank-io.ts';

export type BankSource = { format: 'csv'; text: string } | { format: 'json'; value: unknown };

export interface BankImport {
  bankId: string;
  imported: number;
  byCategory: Record<string, number>;
  /** The bank's new current snapshot: what attempts starting from now draw from. */
  snapshotId: string;
}

export const createBankService = (deps: Deps, contentCache: ContentCache) => ({
  /** Replaces items with the same id; every bad row is listed and nothing is written when one is bad. */
  async importItems(bankId: string, source: BankSource): Promise<BankImport> {
    const items =
      source.format === 'csv' ? parseBankCsv(bankId, source.text) : parseBankJson(bankId, source.value);
    await deps.store.banks.putItems(items);
    // A new immutable snapshot of the whole bank becomes its head; running and finished attempts keep theirs.
    const snapshot = snapshotOf(bankId, await deps.store.banks.list(bankId));
    const at = deps.clock();
    await deps.store.banks.putSnapshot(snapshot, { createdAt: at, origin: 'import' });
    await deps.store.banks.setHead(bankId, snapshot.id, at);
    contentCache.clear();
    const byCategory: Record<string, number> = {};
    for (const i of items) byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
    return { bankId, imported: items.length, byCategory, snapshotId: snapshot.id };
  },
  /** The bank as CSV or pretty JSON text. */
  async exportItems(bankId: string, format: 'csv' | 'json'): Promise<string> {
    const items = await deps.store.banks.list(bankId);
    if (items.length === 0) throw userError('NOT_FOUND.bank');
    return format === 'csv' ? exportBankCsv(items) : exportBankJson(items);
  },
});

export type BankService = ReturnType<typeof createBankService>;
