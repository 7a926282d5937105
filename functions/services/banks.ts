// Item bank use cases: import a bank from CSV or JSON (all or nothing, audited) as a new snapshot, export it, list
// banks and their snapshots, and preview a snapshot's items as a candidate sees them (no keys, no weights).
import type { Form } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import { snapshotOf } from '../domain/snapshot.ts';
import type { PublicItem } from '../schemas/candidate.ts';
import type { BankPreviewQuery } from '../schemas/exams.ts';
import type { AuditLog } from './audit-log.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { ImageService } from './images.ts';
import { exportBankCsv, exportBankJson, parseBankCsv, parseBankJson } from './io/bank-io.ts';
import { presentForm } from './present.ts';
import type { StaffRequest } from './request.ts';

export type BankSource = { format: 'csv'; text: string } | { format: 'json'; value: unknown };

export interface BankImport {
  bankId: string;
  imported: number;
  byCategory: Record<string, number>;
  /** The bank's new current snapshot: what attempts starting from now draw from. */
  snapshotId: string;
}

/** A previewed item: what the candidate's screen shows, plus the bank's own id and category for the admin. */
export type PreviewItem = PublicItem & { bankItemId: string; category: string };

const countByCategory = (items: ReadonlyArray<{ category: string }>): Record<string, number> => {
  const byCategory: Record<string, number> = {};
  for (const i of items) byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
  return byCategory;
};

export const createBankService = (
  deps: Deps,
  contentCache: ContentCache,
  audit?: AuditLog,
  images?: ImageService,
) => {
  const { store } = deps;

  const write = async (bankId: string, items: Item[]): Promise<BankImport> => {
    await store.banks.putItems(items);
    // A new immutable snapshot of the whole bank becomes its head; running and finished attempts keep theirs.
    const snapshot = snapshotOf(bankId, await store.banks.list(bankId));
    const at = deps.clock();
    await store.banks.putSnapshot(snapshot, { createdAt: at, origin: 'import' });
    await store.banks.setHead(bankId, snapshot.id, at);
    contentCache.clear();
    return { bankId, imported: items.length, byCategory: countByCategory(items), snapshotId: snapshot.id };
  };

  const snapshotOfBank = async (bankId: string, snapshotId?: string) => {
    const id = snapshotId ?? (await store.banks.head(bankId));
    if (!id) throw userError('NOT_FOUND.bank', { bankId });
    const snapshot = await store.banks.getSnapshot(id);
    if (!snapshot || snapshot.bankId !== bankId)
      throw userError('NOT_FOUND.snapshot', { bankId, snapshotId: id });
    return snapshot;
  };

  return {
    /**
     * Replaces items with the same id; every bad row is listed and nothing is written when one is bad. With a
     * staff request the import is in the audit log (intent first; writing the same items again is idempotent).
     */
    async importItems(bankId: string, source: BankSource, req?: StaffRequest): Promise<BankImport> {
      const items =
        source.format === 'csv' ? parseBankCsv(bankId, source.text) : parseBankJson(bankId, source.value);
      if (!req || !audit) return write(bankId, items);
      return audit.run(
        {
          ...req,
          action: 'bank.import',
          target: `bank:${bankId}`,
          details: { format: source.format, items: items.length, byCategory: countByCategory(items) },
        },
        () => write(bankId, items),
      );
    },

    /** The bank as CSV or pretty JSON text. */
    async exportItems(bankId: string, format: 'csv' | 'json'): Promise<string> {
      const items = await store.banks.list(bankId);
      if (items.length === 0) throw userError('NOT_FOUND.bank');
      return format === 'csv' ? exportBankCsv(items) : exportBankJson(items);
    },

    /** Banks with a current snapshot, by id. */
    async list() {
      const banks = await store.banks.listBanks();
      return banks.sort((a, b) => (a.bankId < b.bankId ? -1 : 1));
    },

    /** The snapshots the bank has had (oldest first) and which one is current. */
    async snapshots(bankId: string) {
      const [head, snapshots] = await Promise.all([
        store.banks.head(bankId),
        store.banks.listSnapshots(bankId),
      ]);
      if (!head && snapshots.length === 0) throw userError('NOT_FOUND.bank', { bankId });
      return { bankId, head: head ?? null, snapshots };
    },

    /**
     * One page of a snapshot's items (default: the current one) through the candidate's presentation
     * (services/present.ts): options in bank order with display letters, no key, no weights; stored images as
     * short-lived URLs.
     */
    async preview(bankId: string, q: BankPreviewQuery) {
      const snapshot = await snapshotOfBank(bankId, q.snapshotId);
      const pool = q.category ? snapshot.items.filter((i) => i.category === q.category) : snapshot.items;
      const page = pool.slice(q.offset, q.offset + q.limit);
      const form: Form = {
        examId: `preview:${bankId}`,
        examVersion: 0,
        seed: `preview|${snapshot.id}`,
        items: page.map((i) => ({
          itemId: i.id,
          sectionId: i.category,
          optionOrder: kindOf(i).responses(i),
        })),
      };
      const shown = presentForm(form, new Map(page.map((i) => [i.id, i])));
      const resolved = images ? await images.resolve(shown) : shown;
      const items: PreviewItem[] = resolved.map((p, k) => ({
        ...p,
        number: q.offset + k + 1,
        bankItemId: page[k]!.id,
        category: page[k]!.category,
      }));
      return {
        bankId,
        snapshotId: snapshot.id,
        byCategory: countByCategory(snapshot.items),
        total: pool.length,
        offset: q.offset,
        items,
      };
    },
  };
};

export type BankService = ReturnType<typeof createBankService>;
