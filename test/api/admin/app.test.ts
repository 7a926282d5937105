// Admin/proctor API: sessions, attempts monitor, PIN release, proctor actions; wrong-role checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(5);
});

describe('sessions and attempts', () => {
  it('lists sessions and the attempts of one', async () => {
    const token = await h.loginStaff('admin');
    const sessions = await h.call('GET', '/api/admin/sessions', { token });
    expect(sessions.status).toBe(200);
    expect(sessions.json.sessions.map((s: { id: string }) => s.id)).toContain(h.demo.sessionId);
    const s = await h.started(0);
    const attempts = await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/attempts`, { token });
    expect(attempts.status).toBe(200);
    expect(attempts.json.attempts).toEqual([
      expect.objectContaining({
        attemptId: s.attemptId,
        regNo: h.demo.candidates[0]!.regNo,
        state: 'running',
        total: null,
      }),
    ]);
  });

  it('unknown session -> 404, bad id -> 400', async () => {
    const token = await h.loginStaff('admin');
    expect((await h.call('GET', '/api/admin/sessions/nope/attempts', { token })).status).toBe(404);
    expect((await h.call('GET', '/api/admin/sessions/bad%20id/attempts', { token })).status).toBe(400);
  });
});

describe('proctor actions', () => {
  it('pause stops saves (423), resume credits the paused time, extend moves the deadline', async () => {
    const token = await h.loginStaff('proctor');
    const s = await h.started(1);
    const item = s.form.items[0];
    const save = (seq: number) =>
      h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
        token: s.token,
        body: { steps: [{ seq, type: 'answered', itemId: item.itemId, choice: item.options[0].id }] },
      });
    const before = await h.call('GET', `/api/candidate/attempts/${s.attemptId}`, { token: s.token });

    const paused = await h.call('POST', `/api/admin/attempts/${s.attemptId}/pause`, {
      token,
      body: { reason: 'listrik padam' },
    });
    expect(paused.status).toBe(200);
    expect(paused.json.attempt.state).toBe('paused');
    const refused = await save(1);
    expect(refused.status).toBe(423);
    expect(refused.json.error.code).toBe('ATTEMPT_PAUSED');

    h.advance(5 * 60_000);
    const resumed = await h.call('POST', `/api/admin/attempts/${s.attemptId}/resume`, {
      token,
      body: { reason: 'listrik menyala' },
    });
    expect(resumed.json.attempt.state).toBe('running');
    expect(resumed.json.attempt.deadline).toBe(before.json.deadline + 5 * 60_000);
    expect((await save(1)).status).toBe(200);

    const extended = await h.call('POST', `/api/admin/attempts/${s.attemptId}/extend`, {
      token,
      body: { reason: 'akomodasi', minutes: 30 },
    });
    expect(extended.json.attempt.deadline).toBe(before.json.deadline + 35 * 60_000);
  });

  it('reset-device retires the old token (409 RETIRED_DEVICE) and the new login saves', async () => {
    const token = await h.loginStaff('proctor');
    const s = await h.started(2);
    const item = s.form.items[0];
    const reset = await h.call('POST', `/api/admin/attempts/${s.attemptId}/reset-device`, {
      token,
      body: { reason: 'komputer rusak' },
    });
    expect(reset.json.attempt.deviceEpoch).toBe(2);
    const step = { seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[0].id };
    const old = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps: [step] },
    });
    expect(old.status).toBe(409);
    expect(old.json.error.code).toBe('RETIRED_DEVICE');
    const fresh = await h.loginCandidate(2);
    const ok = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: fresh.token,
      body: { steps: [step] },
    });
    expect(ok.status).toBe(200);
  });

  it('racing proctor actions: losers get 409 and leave no step; the log holds one step per winner', async () => {
    const token = await h.loginStaff('proctor');
    const s = await h.started(4);
    const url = `/api/admin/attempts/${s.attemptId}/extend`;
    const res = await Promise.all(
      [1, 2, 3].map(() => h.call('POST', url, { token, body: { reason: 'akomodasi', minutes: 5 } })),
    );
    // A request that read the META after another's update wins too (sequential, not a race); every loser of a
    // race gets 409 CONFLICT. Either way the log holds exactly one step per winner, as the META counts them.
    const won = res.filter((r) => r.status === 200).length;
    expect(won).toBeGreaterThanOrEqual(1);
    expect(res.filter((r) => r.status !== 200).map((r) => r.json.error.code)).toEqual(
      Array(3 - won).fill('CONFLICT'),
    );
    const steps = (await h.store.attempts.readSteps(s.attemptId)).filter((x) => x.type === 'extended');
    expect(steps).toHaveLength(won);
    expect((await h.store.attempts.get(s.attemptId, true))?.extensionsMs).toBe(won * 5 * 60_000);
  });

  it('force submit finalizes and the monitor shows the total', async () => {
    const token = await h.loginStaff('proctor');
    const s = await h.started(3);
    const res = await h.call('POST', `/api/admin/attempts/${s.attemptId}/submit`, {
      token,
      body: { reason: 'kecurangan' },
    });
    expect(res.json.attempt.state).toBe('submitted');
    const admin = await h.loginStaff('admin');
    const list = await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/attempts`, { token: admin });
    expect(list.json.attempts.find((a: { attemptId: string }) => a.attemptId === s.attemptId).total).toBe(0);
  });

  it.each([
    ['missing reason', 'pause', {}],
    ['extend without minutes', 'extend', { reason: 'akomodasi' }],
    ['extend 1000 minutes', 'extend', { reason: 'akomodasi', minutes: 1000 }],
  ])('%s -> 400', async (_n, action, body) => {
    const token = await h.loginStaff('proctor');
    const res = await h.call('POST', `/api/admin/attempts/whatever/${action}`, { token, body });
    expect(res.status).toBe(400);
  });

  it('unknown action -> 400, unknown attempt -> 404', async () => {
    const token = await h.loginStaff('proctor');
    expect(
      (await h.call('POST', '/api/admin/attempts/x/explode', { token, body: { reason: 'abc' } })).status,
    ).toBe(400);
    expect(
      (await h.call('POST', '/api/admin/attempts/nope/pause', { token, body: { reason: 'abc' } })).status,
    ).toBe(404);
  });
});

describe('authorization', () => {
  it('a proctor cannot release PINs (403); an admin can', async () => {
    const proctor = await h.loginStaff('proctor');
    const admin = await h.loginStaff('admin');
    const path = `/api/admin/sessions/${h.demo.sessionId}/release-pins`;
    expect((await h.call('POST', path, { token: proctor })).status).toBe(403);
    expect((await h.call('POST', path, { token: admin })).status).toBe(200);
  });

  it.each(['candidate', 'auditor', 'none'] as const)('%s token on admin routes -> 401/403', async (who) => {
    let token: string | undefined;
    if (who === 'candidate') token = (await h.loginCandidate(0)).token;
    if (who === 'auditor') token = await h.loginStaff('auditor');
    const res = await h.call('GET', '/api/admin/sessions', token ? { token } : {});
    expect(res.status).toBe(who === 'none' ? 401 : 403);
  });

  it('a candidate cannot pause their own attempt', async () => {
    const s = await h.loginCandidate(0);
    const res = await h.call('POST', `/api/admin/attempts/${s.attemptId}/pause`, {
      token: s.token,
      body: { reason: 'abc' },
    });
    expect(res.status).toBe(403);
  });
});
