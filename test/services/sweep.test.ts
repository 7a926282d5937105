// Auto-submit sweeper: finalizes attempts past deadline + grace, leaves the others, and is idempotent.
import { describe, expect, it } from 'vitest';
import type { SingleItem } from '../../functions/domain/items.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import {
  SETTLE_AFTER_MS,
  SWEEP_AFTER_CLOSE_MS,
  settlesAfterCacheAge,
  sweepOpenSessions,
  sweepSession,
} from '../../functions/services/sweep.ts';
import { apiHarness } from '../api/harness.ts';

describe('sweeper', () => {
  it('expires only attempts past deadline + grace, once', async () => {
    const h = await apiHarness(3);
    const early = await h.started(0);
    h.advance(30 * 60_000);
    const late = await h.started(1);
    h.advance(70 * 60_000 + 15_001); // early: 100 min + grace passed; late: 70 min in

    const first = await sweepSession(h.services, h.demo.sessionId);
    expect(first).toEqual({ checked: 2, finalized: 1, settled: 0 });
    expect((await h.store.attempts.get(early.attemptId, true))?.state).toBe('expired');
    expect((await h.store.attempts.get(late.attemptId, true))?.state).toBe('running');
    expect(await h.store.attempts.getResult(early.attemptId)).toMatchObject({ total: 0 });

    const again = await sweepSession(h.services, h.demo.sessionId);
    expect(again).toEqual({ checked: 2, finalized: 0, settled: 0 });
    const submittedSteps = (await h.store.attempts.readSteps(early.attemptId)).filter(
      (s) => s.type === 'submitted',
    );
    expect(submittedSteps).toHaveLength(1);
  });

  it('settles a result when an acknowledged save reached the log after the submit was scored', async () => {
    const h = await apiHarness(1);
    const s = await h.started(0);
    const twk = s.form.items.find((i: { sectionId: string }) => i.sectionId === 'TWK');
    const item = (await h.bankView(s.attemptId))(twk.itemId).item as SingleItem;
    h.advance(1_000);
    const submitted = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, {
      token: s.token,
    });
    expect(submitted.json.total).toBe(0);
    // Accepted 1 ms before the submit by another Lambda, written to the store only now.
    await h.store.attempts.appendClientStep(s.attemptId, {
      type: 'answered',
      itemId: item.id, // the log holds bank ids
      choice: item.key,
      at: h.now() - 1,
      deviceEpoch: 1,
      clientSeq: 1,
    });

    h.advance(SETTLE_AFTER_MS - 1);
    expect((await sweepSession(h.services, h.demo.sessionId)).settled).toBe(0); // too fresh: in-flight saves may land
    h.advance(1);
    expect((await sweepSession(h.services, h.demo.sessionId)).settled).toBe(1);
    const result = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(result.json.total).toBe(5);
    expect(result.json.receipt).not.toBe(submitted.json.receipt);
    expect((await sweepSession(h.services, h.demo.sessionId)).settled).toBe(0);
  });
});

describe('a result is final only once the attempt cache max age has passed', () => {
  it('the settle window opens after the configured cache age (plus room for the write), not before', () => {
    const cfg = defaultApiConfig({ jwtSecret: 'x', pinPepper: 'y' });
    expect(settlesAfterCacheAge(cfg.attemptCacheMs)).toBe(true);
    expect(settlesAfterCacheAge(SETTLE_AFTER_MS)).toBe(false);
  });

  it('a save a stale cache acknowledged just after the submit is settled into the result', async () => {
    const h = await apiHarness(1);
    const s = await h.started(0);
    const submitted = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, {
      token: s.token,
    });
    // Another process, its cache not yet aware of the submit, acknowledges a save 1 s after it.
    const meta = (await h.store.attempts.get(s.attemptId, true))!;
    await h.store.attempts.appendClientStep(s.attemptId, {
      type: 'answered',
      itemId: 'any-bank-item',
      choice: null,
      at: h.now() + 1000,
      deviceEpoch: meta.deviceEpoch,
      clientSeq: 7,
    });
    h.advance(SETTLE_AFTER_MS);
    expect((await sweepSession(h.services, h.demo.sessionId)).settled).toBe(1);
    const result = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(result.json.receipt).not.toBe(submitted.json.receipt);
  });
});

describe('settling reads the log only when a straggler exists', () => {
  it('a finished attempt with no later save costs one Limit-1 query, not a log read and replay', async () => {
    const h = await apiHarness(1);
    const s = await h.started(0);
    const twk = s.form.items.find((i: { sectionId: string }) => i.sectionId === 'TWK');
    const saved = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: {
        steps: [{ type: 'answered', itemId: twk.itemId, choice: twk.options[0].id, at: h.now(), seq: 1 }],
      },
    });
    expect(saved.status).toBe(200);
    await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
    const stored = await h.store.attempts.getResult(s.attemptId);
    expect(stored?.logTail).toEqual({ deviceEpoch: 1, lastSeq: 1, contiguous: true });

    let logReads = 0;
    const readSteps = h.store.attempts.readSteps.bind(h.store.attempts);
    h.store.attempts.readSteps = (id) => {
      logReads++;
      return readSteps(id);
    };
    h.advance(SETTLE_AFTER_MS);
    expect(await sweepSession(h.services, h.demo.sessionId)).toEqual({
      checked: 1,
      finalized: 0,
      settled: 0,
    });
    expect(logReads).toBe(0);
  });
});

describe('sweepOpenSessions', () => {
  it('reads only sessions whose window touches now (a range read, never the whole list)', async () => {
    const h = await apiHarness(2);
    const s = await h.started(0);
    h.store.sessions.list = () => {
      throw new Error('the sweep must not list every session');
    };
    h.advance(100 * 60_000 + 15_001); // past deadline + grace
    expect(await sweepOpenSessions(h.services)).toEqual({ checked: 1, finalized: 1, settled: 0 });
    expect((await h.store.attempts.get(s.attemptId, true))?.state).toBe('expired');

    const session = (await h.store.sessions.get(h.demo.sessionId))!;
    h.advance(session.closesAt + SWEEP_AFTER_CLOSE_MS + 1 - h.now()); // a day after closing: out of the window
    expect(await sweepOpenSessions(h.services)).toEqual({ checked: 0, finalized: 0, settled: 0 });
  });
});
