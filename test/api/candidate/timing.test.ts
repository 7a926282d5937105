// Server-authoritative time through the API: ready before start, late saves refused and kept unscored, lazy finalize.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(3);
});

const MIN = 60_000;
const GRACE = 15_000;

describe('time', () => {
  it('GET state before start answers ready with the item count', async () => {
    const login = await h.loginCandidate(0);
    const res = await h.call('GET', `/api/candidate/attempts/${login.attemptId}`, { token: login.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ state: 'ready', remainingMs: null, totalItems: 110, lastSeq: 0 });
  });

  it('a save within the grace counts; after deadline + grace it is refused (409), kept as late, and the attempt expires', async () => {
    const s = await h.started(1);
    const [a, b] = s.form.items;
    const url = `/api/candidate/attempts/${s.attemptId}/answers`;
    const step = (seq: number, item: typeof a) => ({
      seq,
      type: 'answered',
      itemId: item.itemId,
      choice: item.options[0].id,
    });

    h.advance(100 * MIN + GRACE - 1);
    const inGrace = await h.call('PUT', url, { token: s.token, body: { steps: [step(1, a)] } });
    expect(inGrace.status).toBe(200);
    expect(inGrace.json.remainingMs).toBe(0);

    h.advance(2);
    h.services.attemptCache.drop(s.attemptId);
    const late = await h.call('PUT', url, { token: s.token, body: { steps: [step(2, b)] } });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('ATTEMPT_EXPIRED');

    const log = await h.store.attempts.readSteps(s.attemptId);
    expect(log.find((x) => x.clientSeq === 2)?.rejected).toBe('late');
    const meta = await h.store.attempts.get(s.attemptId, true);
    expect(meta?.state).toBe('expired');
    const result = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(result.status).toBe(200);
    h.advance(-(100 * MIN + GRACE + 1));
  });

  it('an accommodation of +30 minutes lengthens the attempt', async () => {
    const c = h.demo.candidates[2]!;
    const entry = (await h.store.sessions.getRosterEntry(h.demo.sessionId, c.regNo))!;
    await h.store.sessions.putRoster([{ ...entry, extraMinutes: 30 }]);
    const s = await h.loginCandidate(2);
    const res = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/start`, { token: s.token });
    expect(res.json.remainingMs).toBe(130 * MIN);
  });
});
