// Immutable content: importing into a bank mid-attempt changes neither the running attempt's form, nor its
// score, nor its receipt; the attempt records its snapshot, from which an auditor re-derives the served form.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildForm } from '../../../functions/domain/form.ts';
import type { SingleItem } from '../../../functions/domain/items.ts';
import { verifySnapshot } from '../../../functions/domain/snapshot.ts';
import { wireForm } from '../../../functions/domain/wire.ts';
import { presentForm } from '../../../functions/services/present.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(2);
});

const withoutTime = (f: { serverTime: number }) => ({ ...f, serverTime: 0 });

describe('frozen content', () => {
  it('an import mid-attempt leaves the running form, score and receipt unchanged', async () => {
    const s = await h.started(0);
    const bank = await h.bankView(s.attemptId);
    const url = `/api/candidate/attempts/${s.attemptId}/answers`;
    const twk = s.form.items.filter((i: { sectionId: string }) => i.sectionId === 'TWK');
    const answer = (i: { itemId: string }, seq: number) => {
      const b = bank(i.itemId);
      return { seq, type: 'answered', itemId: i.itemId, choice: b.wireOf((b.item as SingleItem).key) };
    };
    expect((await h.call('PUT', url, { token: s.token, body: { steps: [answer(twk[0], 1)] } })).status).toBe(
      200,
    );

    // Mid-attempt: a new item in every category of the form, and a changed key of an item on this form.
    const onForm = bank(twk[1].itemId).item as SingleItem;
    const { bankId, ...rest } = onForm;
    const before = (await h.store.attempts.get(s.attemptId, true))!;
    const imported = await h.services.banks.importItems(bankId, {
      format: 'json',
      value: [
        { ...rest, key: onForm.options.find((o) => o.id !== onForm.key)!.id },
        ...['TWK', 'TIU', 'TKP'].map((category) => ({
          id: `new-${category.toLowerCase()}`,
          category,
          kind: 'single',
          stem: 'Soal baru',
          options: [
            { id: 'a', text: 'Satu' },
            { id: 'b', text: 'Dua' },
          ],
          key: 'a',
        })),
      ],
    });
    expect(imported.snapshotId).not.toBe(before.bankSnapshots?.[bankId]);
    expect(await h.store.banks.head(bankId)).toBe(imported.snapshotId);

    // The form the browser gets is the same (item order, option order, wire ids, texts).
    const again = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/form`, { token: s.token });
    expect(withoutTime(again.json)).toEqual(withoutTime(s.form));

    // The original key of the re-keyed item still scores: 2 correct TWK answers = 10.
    expect((await h.call('PUT', url, { token: s.token, body: { steps: [answer(twk[1], 2)] } })).status).toBe(
      200,
    );
    const submitted = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, {
      token: s.token,
    });
    expect(submitted.json.sections[0]).toMatchObject({ id: 'TWK', score: 10 });

    // Another import after the submit: the stored result, a fresh replay and the receipt stay the same.
    await h.services.banks.importItems(bankId, { format: 'json', value: [{ ...rest, stem: 'diubah lagi' }] });
    const meta = (await h.store.attempts.get(s.attemptId, true))!;
    expect(meta.bankSnapshots).toEqual(before.bankSnapshots);
    const replayed = await h.services.finalizer.score(meta);
    expect(replayed.sections).toEqual(
      Object.fromEntries(submitted.json.sections.map((x: { id: string; score: number }) => [x.id, x.score])),
    );
    expect(replayed.logHash).toBe(submitted.json.receipt);
    const result = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(result.json.receipt).toBe(submitted.json.receipt);
    expect(result.json.total).toBe(submitted.json.total);

    // An auditor re-derives exactly the served form from the recorded snapshot and the seed.
    const snap = (await h.store.banks.getSnapshot(meta.bankSnapshots?.[bankId] as string))!;
    expect(verifySnapshot(snap)).toBe(true);
    const exam = (await h.store.exams.get(meta.examId))!;
    const form = buildForm(exam, snap.items, meta.seed);
    const byId = new Map(snap.items.map((i) => [i.id, i]));
    expect(presentForm(form, byId, wireForm(form, byId))).toEqual(s.form.items);
  });

  it('an attempt starting after the import draws from the new snapshot when the exam has no pin of its own', async () => {
    const exam = (await h.store.exams.get('skd-demo'))!;
    const { bankSnapshots: _pinned, ...unpinned } = exam;
    await h.store.exams.put(unpinned);
    h.services.contentCache.clear();
    const s = await h.started(1);
    const meta = (await h.store.attempts.get(s.attemptId, true))!;
    expect(meta.bankSnapshots?.['demo-bank']).toBe(await h.store.banks.head('demo-bank'));
  });
});
