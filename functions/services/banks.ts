// Item bank use cases: import a bank from CSV or JSON (all or nothing), export it; new content clears the content cache.
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { exportBankCsv, exportBankJson, parseBankCsv, parseBankJson } from './io/bank-io.ts';

export type BankSource = { format: 'csv'; text: string } | { format: 'json'; value: unknown };

export interface BankImport {
  bankId: string;
  imported: number;
  byCategory: Record<string, number>;
}

export const createBankService = (deps: Deps, contentCache: ContentCache) => ({
  /** Replaces items with the same id; every bad row is listed and nothing is written when one is bad. */
  async importItems(bankId: string, source: BankSource): Promise<BankImport> {
    const items =
      source.format === 'csv' ? parseBankCsv(bankId, source.text) : parseBankJson(bankId, source.value);
    await deps.store.banks.putItems(items);
    contentCache.clear();
    const byCategory: Record<string, number> = {};
    for (const i of items) byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
    return { bankId, imported: items.length, byCategory };
  },
  /** The bank as CSV or pretty JSON text. */
  async exportItems(bankId: string, format: 'csv' | 'json'): Promise<string> {
    const items = await deps.store.banks.list(bankId);
    if (items.length === 0) throw userError('NOT_FOUND.bank');
    return format === 'csv' ? exportBankCsv(items) : exportBankJson(items);
  },
});

export type BankService = ReturnType<typeof createBankService>;
