// Candidate brief and proctor signals: the start screen's facts, the light signal poll (fresh from the store,
// says who ended the attempt and why), the state piggy-backed on saves; wrong owner refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { attemptBrief, attemptSignal, saveAnswersResponse } from '../../../functions/schemas/candidate.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(4);
});

const path = (attemptId: string, tail: string) => `/api/candidate/attempts/${attemptId}/${tail}`;

describe('brief', () => {
  it('gives name, reg. no., session, duration and items per section before the start', async () => {
    const login = await h.loginCandidate(0);
    const res = await h.call('GET', path(login.attemptId, 'brief'), { token: login.token });
    expect(res.status).toBe(200);
    const brief = attemptBrief.parse(res.json);
    const c = h.demo.candidates[0]!;
    expect(brief).toMatchObject({ attemptId: login.attemptId, regNo: c.regNo, name: c.name });
    expect(brief.sessionId).toBe(h.demo.sessionId);
    expect(brief.sessionTitle.length).toBeGreaterThan(0);
    expect(brief.exam.durationMinutes).toBe(100);
    expect(brief.exam.sections.map((s) => [s.id, s.count])).toEqual([
      ['TWK', 30],
      ['TIU', 35],
      ['TKP', 45],
    ]);
  });

  it('comes with the login that finds the attempt unstarted, as GET brief gives it', async () => {
    const c = h.demo.candidates[3]!;
    const fresh = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(fresh.status).toBe(200);
    expect(fresh.json.started).toBe(false);
    const got = await h.call('GET', path(fresh.json.attemptId, 'brief'), { token: fresh.json.token });
    const { serverTime: _a, ...fromLogin } = attemptBrief.parse(fresh.json.brief);
    const { serverTime: _b, ...fromGet } = attemptBrief.parse(got.json);
    expect(fromLogin).toEqual(fromGet);
    expect(fromLogin).toMatchObject({ attemptId: fresh.json.attemptId, regNo: c.regNo, name: c.name });
  });

  it.each(['brief', 'signal'])('%s of another candidate -> 403', async (tail) => {
    const a = await h.loginCandidate(0);
    const b = await h.loginCandidate(1);
    const res = await h.call('GET', path(b.attemptId, tail), { token: a.token });
    expect(res.status).toBe(403);
    expect((await h.call('GET', path(a.attemptId, tail))).status).toBe(401);
  });
});

describe('signal', () => {
  it('ready before start; pause, extend and force submit are seen on the next poll, with the reason', async () => {
    const login = await h.loginCandidate(2);
    const signal = async () => {
      const res = await h.call('GET', path(login.attemptId, 'signal'), { token: login.token });
      expect(res.status).toBe(200);
      return attemptSignal.parse(res.json);
    };
    expect((await signal()).state).toBe('ready');
    const s = await h.started(2);
    const running = await signal();
    expect(running).toMatchObject({ state: 'running', ended: null, remainingMs: 100 * 60_000 });

    const proctor = await h.loginStaff('proctor');
    const act = (action: string, body: object) =>
      h.call('POST', `/api/admin/attempts/${s.attemptId}/${action}`, { token: proctor, body });
    await act('pause', { reason: 'listrik padam' });
    // No clock advance: the poll reads the store, not the per-process cache.
    expect((await signal()).state).toBe('paused');
    await act('resume', { reason: 'listrik menyala' });
    await act('extend', { reason: 'gangguan', minutes: 10 });
    const extended = await signal();
    expect(extended.state).toBe('running');
    expect(extended.deadline).toBe((running.deadline as number) + 10 * 60_000);

    // The save right after the extension carries the new deadline.
    const item = s.form.items[0];
    const saved = await h.call('PUT', path(s.attemptId, 'answers'), {
      token: s.token,
      body: { steps: [{ seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[0].id }] },
    });
    expect(saved.status).toBe(200);
    const res = saveAnswersResponse.parse(saved.json);
    expect(res).toMatchObject({ state: 'running', deadline: extended.deadline, deviceEpoch: 1 });

    await act('submit', { reason: 'kecurangan terdeteksi' });
    const ended = await signal();
    expect(ended).toMatchObject({
      state: 'submitted',
      deadline: null,
      ended: { by: 'proctor', reason: 'kecurangan terdeteksi' },
    });
  });

  it('a candidate submit ends "by candidate" without a reason', async () => {
    const s = await h.started(3);
    await h.call('POST', path(s.attemptId, 'submit'), { token: s.token, body: {} });
    const res = await h.call('GET', path(s.attemptId, 'signal'), { token: s.token });
    expect(res.json.ended).toEqual({ by: 'candidate', reason: null });
  });
});
