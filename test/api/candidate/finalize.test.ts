// Finalizing under races and crashes: one submit step per attempt, a receipt auditors can recompute, recovery.
import { beforeAll, describe, expect, it } from 'vitest';
import { receiptHash } from '../../../functions/domain/hashchain.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(3);
});

const submittedSteps = async (attemptId: string) =>
  (await h.store.attempts.readSteps(attemptId)).filter((s) => s.type === 'submitted');

describe('finalize', () => {
  it('racing submits (double click, sweeper) leave one submit step and one receipt, recomputable from the log', async () => {
    const s = await h.started(0);
    const item = s.form.items[0];
    await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps: [{ seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[0].id }] },
    });
    const url = `/api/candidate/attempts/${s.attemptId}/submit`;
    const results = await Promise.all([1, 2, 3].map(() => h.call('POST', url, { token: s.token })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const receipts = new Set(results.map((r) => r.json.receipt));
    expect(receipts.size).toBe(1);
    expect(await submittedSteps(s.attemptId)).toHaveLength(1);
    expect(receiptHash(await h.store.attempts.readSteps(s.attemptId))).toBe(results[0]!.json.receipt);
  });

  it('after the submit a refused straggler changes neither score nor receipt; an acknowledged one (stale cache elsewhere) counts and the receipt covers it', async () => {
    const s = await h.started(1);
    const submitted = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, {
      token: s.token,
    });
    const item = s.form.items[0];
    const straggler = (clientSeq: number, rejected?: 'afterSubmit') =>
      h.store.attempts.appendClientStep(s.attemptId, {
        type: 'answered',
        itemId: item.itemId,
        choice: item.options[0].id,
        at: h.now() + 1,
        deviceEpoch: 1,
        clientSeq,
        ...(rejected ? { rejected } : {}),
      });
    const meta = (await h.store.attempts.get(s.attemptId, true))!;
    await straggler(1, 'afterSubmit');
    const refused = await h.services.finalizer.score(meta);
    expect(refused.total).toBe(submitted.json.total);
    expect(refused.logHash).toBe(submitted.json.receipt);
    await straggler(2);
    const acked = await h.services.finalizer.score(meta);
    expect(acked.logHash).not.toBe(submitted.json.receipt);
    expect(acked.logHash).toBe(receiptHash(await h.store.attempts.readSteps(s.attemptId)));
  });

  it('recovers an attempt whose finisher stopped after the META update: writes the submit step, then the result', async () => {
    const s = await h.started(2);
    const meta = (await h.store.attempts.get(s.attemptId, true))!;
    await h.store.attempts.update({ ...meta, state: 'submitted', submittedAt: h.now() }, meta.version);
    h.services.attemptCache.drop(s.attemptId);

    expect(await h.store.attempts.getResult(s.attemptId)).toBeUndefined();
    const again = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(again.status).toBe(200);
    expect(await h.store.attempts.getResult(s.attemptId)).toMatchObject({ logHash: again.json.receipt });
    const steps = await submittedSteps(s.attemptId);
    expect(steps).toEqual([expect.objectContaining({ actor: { role: 'system' }, reason: 'recovered' })]);
    expect(again.json.receipt).toBe(receiptHash(await h.store.attempts.readSteps(s.attemptId)));
  });
});
