// Regrade = replay against an explicit new snapshot; a bank import alone never changes a pinned attempt's score.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SingleItem } from '../../../functions/domain/items.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(1);
});

describe('regrade', () => {
  it('a corrected key in a new snapshot changes the replayed score, a bank import alone does not; the receipt never changes', async () => {
    const s = await h.started(0);
    const bank = await h.bankView(s.attemptId);
    const twk = s.form.items.filter((i: { sectionId: string }) => i.sectionId === 'TWK').slice(0, 3);
    const keys = twk.map((i: { itemId: string }) => {
      const b = bank(i.itemId);
      return b.wireOf((b.item as SingleItem).key);
    });
    const steps = twk.map((i: { itemId: string }, n: number) => ({
      seq: n + 1,
      type: 'answered',
      itemId: i.itemId,
      choice: keys[n],
    }));
    await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps },
    });
    const submitted = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, {
      token: s.token,
    });
    expect(submitted.json.sections[0]).toMatchObject({ id: 'TWK', score: 15 });

    // The key of the first answered item was wrong: the committee corrects it to another option.
    const first = bank(twk[0].itemId).item as SingleItem;
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
    expect(unchanged.logHash).toBe(submitted.json.receipt);

    // Regrade = replay of the same log against an explicit new snapshot (same items and options, new key).
    const regraded = await h.services.finalizer.score({
      ...meta,
      bankSnapshots: { [bankId]: imported.snapshotId },
    });
    expect(regraded.sections.TWK).toBe(10);
    expect(regraded.total).toBe(submitted.json.total - 5);
    expect(regraded.logHash).toBe(submitted.json.receipt);
  });
});
