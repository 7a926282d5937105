// Regrade = replay: changing a key in the bank and re-deriving the result from the stored step log moves the score.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SingleItem } from '../../../functions/domain/items.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(1);
});

describe('regrade', () => {
  it('a corrected key changes the derived score; the receipt (log hash) does not change', async () => {
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
    await h.store.banks.putItems([{ ...first, key: corrected }]);
    h.services.contentCache.clear();

    const meta = (await h.store.attempts.get(s.attemptId, true))!;
    const regraded = await h.services.finalizer.score(meta);
    expect(regraded.sections.TWK).toBe(10);
    expect(regraded.total).toBe(submitted.json.total - 5);
    expect(regraded.logHash).toBe(submitted.json.receipt);
  });
});
