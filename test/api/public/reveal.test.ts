// Commit–reveal through the API: the secret stays hidden while any attempt of the session can still change.
import { beforeEach, describe, expect, it } from 'vitest';
import { secretCommitment } from '../../../functions/domain/seed.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

const DAY = 24 * 3600_000;
const MIN = 60_000;
let h: ApiHarness;
beforeEach(async () => {
  h = await apiHarness(2);
});

const commitmentPath = () => `/api/public/sessions/${h.demo.sessionId}/commitment`;

/** Moves the clock to 10 minutes before the demo session closes (it closes 30 days after seeding). */
const nearClose = () => h.advance(30 * DAY - 10 * MIN);

describe('secret reveal', () => {
  it('a session closed while one attempt is still running shows only the commitment; submitted -> revealed', async () => {
    nearClose();
    const a = await h.started(0);
    const before = await h.call('GET', commitmentPath());
    expect(before.json.secret).toBeNull();
    h.advance(11 * MIN); // start window closed, attempt 0 still running
    const running = await h.call('GET', commitmentPath());
    expect(running.status).toBe(200);
    expect(running.json.secret).toBeNull();
    expect(running.json.secretCommitment).toBe(before.json.secretCommitment);
    const auditor = await h.loginStaff('auditor');
    const list = await h.call('GET', '/api/auditor/sessions', { token: auditor });
    expect(list.json.sessions.find((s: { id: string }) => s.id === h.demo.sessionId).secret).toBeNull();

    const sub = await h.call('POST', `/api/candidate/attempts/${a.attemptId}/submit`, { token: a.token });
    expect(sub.status).toBe(200);
    const after = await h.call('GET', commitmentPath());
    expect(after.json.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secretCommitment(after.json.secret)).toBe(before.json.secretCommitment);
    const list2 = await h.call('GET', '/api/auditor/sessions', { token: auditor });
    const row = list2.json.sessions.find((s: { id: string }) => s.id === h.demo.sessionId);
    expect(secretCommitment(row.secret)).toBe(row.secretCommitment);
  });

  it('a running attempt holds the secret back until its deadline + grace has passed', async () => {
    nearClose();
    const a = await h.started(0);
    const meta = await h.deps.store.attempts.get(a.attemptId, true);
    if (!meta) throw new Error('attempt missing');
    const deadline = meta.startedAt + meta.durationMs + meta.extensionsMs + meta.pausedMs;
    const margin = h.deps.config.graceMs + h.deps.config.attemptCacheMs;
    h.advance(deadline + margin - h.deps.clock());
    expect((await h.call('GET', commitmentPath())).json.secret).toBeNull();
    h.advance(1);
    const after = await h.call('GET', commitmentPath());
    expect(secretCommitment(after.json.secret)).toBe(after.json.secretCommitment);
  });
});
