// Appeals (sanggahan) through the API: filing window (just inside / just outside), one per attempt, the admin's
// answer, the auditor's view, the audit entries, the role matrix; and the read-only login after the session closes.
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../functions/domain/appeal.ts';
import { auditDay } from '../../functions/domain/audit-log.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

let h: ApiHarness;
let admin: string;
let proctor: string;
let auditor: string;
let closesAt: number;
let done: Awaited<ReturnType<ApiHarness['started']>>;
const TEXT = 'Jawaban soal 12 tidak tersimpan walau sudah dipilih.';

const appealOf = (c: { attemptId: string; token: string }) =>
  h.call('GET', `/api/candidate/attempts/${c.attemptId}/appeal`, { token: c.token });
const file = (c: { attemptId: string; token: string }, text = TEXT) =>
  h.call('POST', `/api/candidate/attempts/${c.attemptId}/appeal`, { token: c.token, body: { text } });
const entries = async (prefix: string) => {
  const days = new Set([auditDay(closesAt - 30 * DAY), auditDay(h.now())]);
  const all = (await Promise.all([...days].map((d) => h.services.auditLog.list(d)))).flat();
  return all.filter((e) => e.action.startsWith(prefix));
};

beforeAll(async () => {
  h = await apiHarness(5);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
  closesAt = (await h.store.sessions.get(h.demo.sessionId))!.closesAt;
  done = await h.started(0);
  await h.started(4); // runs out of time: expired, never appeals until the window has closed
  expect(
    (await h.call('POST', `/api/candidate/attempts/${done.attemptId}/submit`, { token: done.token })).status,
  ).toBe(200);
});

describe('filing an appeal', () => {
  it('a finished attempt files once, from the result page; the filing is in the audit log', async () => {
    const before = await appealOf(done);
    expect(before.json).toMatchObject({
      appeal: null,
      canFile: true,
      fileUntil: closesAt + 3 * DAY,
      answerBy: closesAt + 10 * DAY,
    });
    expect((await file(done, 'short')).status).toBe(400);
    const res = await file(done);
    expect(res.status).toBe(200);
    expect(res.json.appeal).toMatchObject({ attemptId: done.attemptId, status: 'open', text: TEXT });
    const again = await file(done);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/sudah mengajukan/);
    expect((await appealOf(done)).json).toMatchObject({ canFile: false, appeal: { status: 'open' } });
    const [entry] = await entries('appeal.');
    expect(entry).toMatchObject({
      action: 'appeal.file',
      actor: { role: 'candidate', id: h.demo.candidates[0]!.regNo },
      target: `attempt:${done.attemptId}`,
      reason: TEXT,
    });
  });

  it('refuses an unstarted or running attempt, and another candidate’s attempt; nothing written', async () => {
    const absent = await h.loginCandidate(1);
    expect((await file(absent)).json.error.message).toMatch(/setelah ujian selesai/);
    const running = await h.started(2);
    expect((await file(running)).status).toBe(409);
    expect((await file({ attemptId: done.attemptId, token: running.token })).status).toBe(403);
    expect(await h.store.appeals.get(absent.attemptId)).toBeUndefined();
    expect(await h.store.appeals.get(running.attemptId)).toBeUndefined();
  });
});

describe('answering an appeal', () => {
  it('role matrix: proctor, auditor and anonymous cannot list or answer in the admin API; nothing written', async () => {
    for (const [token, status] of [
      [proctor, 403],
      [auditor, 403],
      [undefined, 401],
    ] as const) {
      expect((await h.call('GET', '/api/admin/appeals', { token })).status).toBe(status);
      const res = await h.call('POST', `/api/admin/appeals/${done.attemptId}/resolve`, {
        token,
        body: { decision: 'upheld', reason: 'log shows the error' },
      });
      expect(res.status).toBe(status);
    }
    for (const [token, status] of [
      [admin, 403],
      [proctor, 403],
      [undefined, 401],
    ] as const)
      expect((await h.call('GET', '/api/auditor/appeals', { token })).status).toBe(status);
    expect((await h.store.appeals.get(done.attemptId))?.status).toBe('open');
    expect(await entries('appeal.re')).toEqual([]);
  });

  it('an admin answers once with a reason; the auditor sees it; both steps are in the audit log', async () => {
    const path = `/api/admin/appeals/${done.attemptId}/resolve`;
    expect(
      (await h.call('POST', path, { token: admin, body: { decision: 'maybe', reason: 'x' } })).status,
    ).toBe(400);
    expect(
      (
        await h.call('POST', '/api/admin/appeals/nope/resolve', {
          token: admin,
          body: { decision: 'rejected', reason: 'abc' },
        })
      ).status,
    ).toBe(404);
    const list = await h.call('GET', '/api/admin/appeals', { token: admin });
    expect(list.json.appeals.map((a: { attemptId: string }) => a.attemptId)).toEqual([done.attemptId]);
    const res = await h.call('POST', path, {
      token: admin,
      body: { decision: 'rejected', reason: 'Log menunjukkan jawaban tersimpan pukul 09:12.' },
    });
    expect(res.status).toBe(200);
    expect(res.json.appeal).toMatchObject({
      status: 'rejected',
      resolution: { decision: 'rejected', by: h.demo.admin.username, late: false },
    });
    expect(
      (await h.call('POST', path, { token: admin, body: { decision: 'upheld', reason: 'again' } })).status,
    ).toBe(409);
    const seen = await h.call('GET', '/api/auditor/appeals', { token: auditor });
    expect(seen.status).toBe(200);
    expect(seen.json.appeals[0]).toMatchObject({ status: 'rejected', text: TEXT });
    expect((await entries('appeal.')).map((e) => e.action)).toEqual(['appeal.file', 'appeal.reject']);
    expect((await appealOf(done)).json.appeal.resolution.reason).toMatch(/09:12/);
  });
});

describe('read-only login after the session closes', () => {
  it('logs in read-only, sees the result; start, saves and submit are refused and nothing is written', async () => {
    h.advance(closesAt - h.now() + 60_000);
    const ro = await h.loginCandidate(2); // its attempt expired meanwhile
    expect(ro).toMatchObject({ readOnly: true });
    expect(
      (await h.call('GET', `/api/candidate/attempts/${ro.attemptId}/result`, { token: ro.token })).status,
    ).toBe(200);
    const steps = (await h.store.attempts.readSteps(ro.attemptId)).length;
    const save = await h.call('PUT', `/api/candidate/attempts/${ro.attemptId}/answers`, {
      token: ro.token,
      body: { steps: [{ seq: 99, type: 'answered', itemId: 'x', choice: 'A' }] },
    });
    expect(save.status).toBe(403);
    expect(save.json.error.message).toMatch(/hanya dapat melihat hasil/);
    expect(
      (await h.call('POST', `/api/candidate/attempts/${ro.attemptId}/submit`, { token: ro.token })).status,
    ).toBe(403);
    expect((await h.store.attempts.readSteps(ro.attemptId)).length).toBe(steps);
    const never = await h.loginCandidate(3);
    expect(never).toMatchObject({ readOnly: true });
    expect(
      (await h.call('POST', `/api/candidate/attempts/${never.attemptId}/start`, { token: never.token }))
        .status,
    ).toBe(403);
    expect(await h.store.attempts.get(never.attemptId)).toBeUndefined();
  });

  it('files just inside the window and is refused just outside it', async () => {
    h.advance(closesAt + 3 * DAY - 1 - h.now());
    const inside = await h.loginCandidate(2);
    expect((await file(inside)).status).toBe(200);
    h.advance(1);
    const outside = await h.loginCandidate(4);
    expect(outside).toMatchObject({ readOnly: true });
    expect((await appealOf(outside)).json).toMatchObject({ appeal: null, canFile: false });
    const res = await file(outside);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/sudah berakhir/);
    expect(await h.store.appeals.get(outside.attemptId)).toBeUndefined();
  });

  it('read-only login ends when the answer period ends (10 days after close)', async () => {
    h.advance(closesAt + 10 * DAY - 1 - h.now());
    expect(await h.loginCandidate(0)).toMatchObject({ readOnly: true });
    h.advance(1);
    const res = await h.call('POST', '/api/candidate/login', {
      body: { regNo: h.demo.candidates[0]!.regNo, pin: h.demo.candidates[0]!.pin },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('SESSION_NOT_OPEN');
  });
});
