// applyTransition: of two transitions from the same META version, the loser fails with CONFLICT before logging.
import { describe, expect, it } from 'vitest';
import { extendAttempt } from '../../functions/domain/lifecycle.ts';
import { applyTransition } from '../../functions/services/transition.ts';
import { apiHarness } from '../api/harness.ts';

describe('applyTransition', () => {
  it('the second transition from the same version throws CONFLICT and writes no step', async () => {
    const h = await apiHarness(1);
    const s = await h.started(0);
    const current = (await h.store.attempts.get(s.attemptId, true))!;
    const proctor = { role: 'proctor' as const, id: 'pengawas' };
    const first = extendAttempt(current, proctor, 'akomodasi', 5, h.now());
    const second = extendAttempt(current, proctor, 'akomodasi', 7, h.now());

    const updated = await applyTransition(h.store, h.services.attemptCache, current, first);
    expect(updated.version).toBe(current.version + 1);
    await expect(applyTransition(h.store, h.services.attemptCache, current, second)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const extended = (await h.store.attempts.readSteps(s.attemptId)).filter((x) => x.type === 'extended');
    expect(extended).toEqual([expect.objectContaining({ minutes: 5 })]);
    expect((await h.store.attempts.get(s.attemptId, true))?.extensionsMs).toBe(5 * 60_000);
  });
});
