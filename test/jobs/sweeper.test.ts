// Auto-submit sweeper: finalizes attempts past deadline + grace, leaves the others, and is idempotent.
import { describe, expect, it } from 'vitest';
import { sweepSession } from '../../functions/jobs/sweeper.ts';
import { apiHarness } from '../api/harness.ts';

describe('sweeper', () => {
  it('expires only attempts past deadline + grace, once', async () => {
    const h = await apiHarness(3);
    const early = await h.started(0);
    h.advance(30 * 60_000);
    const late = await h.started(1);
    h.advance(70 * 60_000 + 15_001); // early: 100 min + grace passed; late: 70 min in

    const first = await sweepSession(h.services, h.demo.sessionId);
    expect(first).toEqual({ checked: 2, finalized: 1 });
    expect((await h.store.attempts.get(early.attemptId, true))?.state).toBe('expired');
    expect((await h.store.attempts.get(late.attemptId, true))?.state).toBe('running');
    expect(await h.store.attempts.getResult(early.attemptId)).toMatchObject({ total: 0 });

    const again = await sweepSession(h.services, h.demo.sessionId);
    expect(again).toEqual({ checked: 2, finalized: 0 });
    const submittedSteps = (await h.store.attempts.readSteps(early.attemptId)).filter(
      (s) => s.type === 'submitted',
    );
    expect(submittedSteps).toHaveLength(1);
  });
});
