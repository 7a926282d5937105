// Acknowledged ⇔ scored (DESIGN hot path rule 5), as a property on dynalite: two processes with independent attempt caches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApiApp } from '../../functions/api/app.ts';
import { receiptHash } from '../../functions/domain/hashchain.ts';
import { replay } from '../../functions/domain/replay.ts';
import { deadlineOf } from '../../functions/domain/timing.ts';
import { SETTLE_AFTER_MS, sweepSession } from '../../functions/services/sweep.ts';
import { apiHarness } from '../api/harness.ts';

type Op =
  | { kind: 'save'; p: 0 | 1; item: number; option: number; race?: boolean }
  | { kind: 'submit'; p: 0 | 1 }
  | { kind: 'force'; p: 0 | 1 }
  | { kind: 'pause'; p: 0 | 1 }
  | { kind: 'resume'; p: 0 | 1 }
  | { kind: 'reset'; p: 0 | 1 }
  | { kind: 'advance'; ms: number }
  | { kind: 'nearDeadline' };

const proc = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    // A save racing a force-submit on the other process (both in flight at once).
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      p: proc,
      item: fc.nat(5),
      option: fc.nat(4),
      race: fc.constant(true),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('save' as const), p: proc, item: fc.nat(5), option: fc.nat(4) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submit' as const), p: proc }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('force' as const), p: proc }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), p: proc }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resume' as const), p: proc }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reset' as const), p: proc }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 4_000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'nearDeadline' as const }) },
);

const RUNS = 30;
const proctor = { role: 'proctor' as const, id: 'prop-proctor' };

describe('acknowledged ⇔ scored across two processes with stale caches (fast-check on dynalite)', () => {
  it('every acknowledged save is in the final scored state, no refused save counts, the result covers the log', async () => {
    const h = await apiHarness(RUNS + 2);
    // Process B: its own services and attempt cache over the same store and clock.
    const b = createApiApp(h.deps);
    const apps = [h.app, b.app] as const;
    const services = [h.services, b.services] as const;
    const call = async (p: 0 | 1, method: string, path: string, token: string, body?: unknown) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
      const res = await apps[p].request(
        path,
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
        env,
      );
      return { status: res.status, text: await res.text() };
    };
    let run = 0;
    let acknowledgedTotal = 0;
    let refusedTotal = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const s = await h.started(run++);
        const bank = await h.bankView(s.attemptId);
        const items = s.form.items.filter((i: { options: unknown[] }) => i.options.length >= 2).slice(0, 6);
        // Both processes have the running attempt cached (as after a save on each).
        await services[0].attemptCache.get(s.attemptId);
        await services[1].attemptCache.get(s.attemptId);
        const acked = new Map<string, string>(); // bank item id -> bank choice of the last acknowledged save
        const refused: Array<{ itemId: string; choice: string }> = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'advance') h.advance(o.ms);
          else if (o.kind === 'nearDeadline') {
            const meta = await h.store.attempts.get(s.attemptId, true);
            if (meta && meta.state === 'running') {
              const target = deadlineOf(meta) + h.deps.config.graceMs - 1_500;
              if (target > h.now()) h.advance(target - h.now());
            }
          } else if (o.kind === 'save') {
            const item = items[o.item % items.length];
            const option = item.options[o.option % item.options.length];
            seq++;
            const saving = call(o.p, 'PUT', `/api/candidate/attempts/${s.attemptId}/answers`, s.token, {
              steps: [{ seq, type: 'answered', itemId: item.itemId, choice: option.id }],
            });
            const racing = o.race
              ? services[o.p === 0 ? 1 : 0].proctor
                  .act(s.attemptId, proctor, { kind: 'submit', reason: 'prop race' })
                  .catch(() => undefined)
              : undefined;
            const [res] = await Promise.all([saving, racing]);
            const { item: bankItem } = bank(item.itemId);
            const choice = [
              ...(bankItem.kind === 'single' || bankItem.kind === 'weighted' ? bankItem.options : []),
            ]
              .map((x: { id: string }) => x.id)
              .find((id: string) => bank(item.itemId).wireOf(id) === option.id) as string;
            if (res.status === 200) {
              acked.set(bankItem.id, choice);
              acknowledgedTotal++;
            } else {
              expect([409, 423]).toContain(res.status);
              refused.push({ itemId: bankItem.id, choice });
              refusedTotal++;
            }
          } else if (o.kind === 'submit') {
            await call(o.p, 'POST', `/api/candidate/attempts/${s.attemptId}/submit`, s.token);
          } else {
            const action =
              o.kind === 'force'
                ? { kind: 'submit' as const, reason: 'prop force' }
                : o.kind === 'reset'
                  ? { kind: 'reset-device' as const, reason: 'prop reset' }
                  : { kind: o.kind, reason: `prop ${o.kind}` };
            await services[o.p].proctor.act(s.attemptId, proctor, action).catch(() => undefined);
          }
        }
        // Finish if still open, then let the cache max age (and the settle delay) pass and sweep.
        await services[0].proctor
          .act(s.attemptId, proctor, { kind: 'submit', reason: 'prop end' })
          .catch(() => undefined);
        h.advance(SETTLE_AFTER_MS + h.deps.config.attemptCacheMs);
        await sweepSession(services[1], h.demo.sessionId);

        const meta = (await h.store.attempts.get(s.attemptId, true))!;
        expect(['submitted', 'expired']).toContain(meta.state);
        const steps = await h.store.attempts.readSteps(s.attemptId);
        const view = replay(steps, meta, h.deps.config.graceMs);
        // Every acknowledged save counts: the last acknowledged answer per item is the final answer.
        expect(Object.fromEntries(view.answers)).toEqual(Object.fromEntries(acked));
        // No refused save counts: a refused choice can only be final where an acknowledged save set it.
        for (const r of refused) if (!acked.has(r.itemId)) expect(view.answers.has(r.itemId)).toBe(false);
        // The stored result is the settled one: its receipt covers the final log, its score is replay's.
        const stored = (await h.store.attempts.getResult(s.attemptId))!;
        expect(stored.logHash).toBe(receiptHash(steps));
        expect(stored.total).toBe((await services[0].finalizer.score(meta)).total);
      }),
      { numRuns: RUNS },
    );
    // The generated schedules exercised both sides of the rule.
    expect(acknowledgedTotal).toBeGreaterThan(0);
    expect(refusedTotal).toBeGreaterThan(0);
  }, 60_000);
});
