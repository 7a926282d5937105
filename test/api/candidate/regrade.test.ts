// Regrade = replay against an explicit new snapshot; a bank import alone never changes a pinned attempt's score.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SingleItem } from '../../../functions/domain/items.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';
import { bestInSection, type FormItem, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(1);
});

describe('regrade', () => {
  it('a corrected key in a new snapshot changes the replayed score, a bank import alone does not; the receipt never changes', async () => {
    const s = await sitAndSubmit(h, 0, bestInSection('TWK', 3));
    const { bank, submitted } = s;
    const twk = (s.form.items as FormItem[]).filter((i) => i.sectionId === 'TWK').slice(0, 3);
    expect(submitted.sections[0]).toMatchObject({ id: 'TWK', score: 15 });

    // The key of the first answered item was wrong: the committee corrects it to another option.
    const first = bank(twk[0]!.itemId).item as SingleItem;
    const corrected = first.options.find((o) => o.id !== first.key)!.id;
    const { bankId, ...rest } = first;
    const imported = await h.services.banks.importItems(bankId, {
      format: 'json',
      value: [{ ...rest, key: corrected }],
    });
    const meta = (await h.store.attempts.get(s.attemptId, true))!;

    // Importing into the bank changes nothing for this finished attempt: it pinned its snapshot at start.
    expect(meta.bankSnapshots?.[bankId]).not.toBe(imported.snapshotId);
    const unchanged = await h.services.finalizer.score(meta);
    expect(unchanged.sections.TWK).toBe(15);
    expect(unchanged.logHash).toBe(submitted.receipt);

    // Regrade = replay of the same log against an explicit new snapshot (same items and options, new key).
    const regraded = await h.services.finalizer.score({
      ...meta,
      bankSnapshots: { [bankId]: imported.snapshotId },
    });
    expect(regraded.sections.TWK).toBe(10);
    expect(regraded.total).toBe(submitted.total - 5);
    expect(regraded.logHash).toBe(submitted.receipt);
  });
});
