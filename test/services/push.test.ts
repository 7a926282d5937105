// Signal push (services/push.ts): a page registers with its candidate token; every proctor action posts the
// attempt's new state to its open connections; gone connections are dropped; a failing transport never fails
// the action. The transport here records what the port is given (the real adapters: test/local/push-ws.test.ts
// and test/handlers/push-apigw.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { attemptSignal } from '../../functions/schemas/candidate.ts';
import { createSignalPush, type PushTransport } from '../../functions/services/push.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

const posted: { id: string; data: string }[] = [];
const gone = new Set<string>();
const broken = new Set<string>();
const transport: PushTransport = {
  async post(id, data) {
    if (broken.has(id)) throw new Error('network down');
    if (gone.has(id)) return 'gone';
    posted.push({ id, data });
    return 'sent';
  },
};

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(4, { push: transport });
});

const signalsTo = (id: string) =>
  posted.filter((p) => p.id === id).map((p) => attemptSignal.parse(JSON.parse(p.data)));

describe('signal push', () => {
  it('connect: a candidate token registers its attempt; no, a staff or a bad token is refused', async () => {
    const push = createSignalPush(h.deps);
    const login = await h.loginCandidate(0);
    const claims = await push.connect(login.token, 'c-ok');
    expect(claims.aid).toBe(login.attemptId);
    expect(await h.store.pushConnections.list(login.attemptId, h.now())).toEqual(['c-ok']);
    await expect(push.connect(undefined, 'c-none')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(push.connect('x.y.z', 'c-bad')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const proctor = await h.loginStaff('proctor');
    await expect(push.connect(proctor, 'c-staff')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.store.pushConnections.list(login.attemptId, h.now())).toEqual(['c-ok']);
  });

  it('pause, resume, extension, device handover and force submit reach the open page, with the reason', async () => {
    const push = createSignalPush(h.deps);
    const s = await h.started(1);
    await push.connect(s.token, 'page-1');
    const proctor = await h.loginStaff('proctor');
    const act = async (action: string, body: object) => {
      const res = await h.call('POST', `/api/admin/attempts/${s.attemptId}/${action}`, {
        token: proctor,
        body,
      });
      expect(res.status).toBe(200);
    };
    await act('pause', { reason: 'listrik padam' });
    await act('resume', { reason: 'listrik menyala' });
    await act('extend', { reason: 'akomodasi', minutes: 10 });
    await act('reset-device', { reason: 'komputer rusak' });
    await act('submit', { reason: 'kecurangan' });
    const got = signalsTo('page-1');
    expect(got.map((g) => g.state)).toEqual(['paused', 'running', 'running', 'running', 'submitted']);
    expect(got[2]!.deadline! - got[1]!.deadline!).toBe(10 * 60_000);
    expect(got[3]!.deviceEpoch).toBe(got[2]!.deviceEpoch + 1);
    expect(got[4]!.ended).toEqual({ by: 'proctor', reason: 'kecurangan' });
    expect(got.every((g) => g.attemptId === s.attemptId)).toBe(true);
    expect(got.slice(0, 4).every((g) => g.ended === null)).toBe(true);
  });

  it('only the attempt’s own pages; a gone connection is deleted; a failing post does not fail the action', async () => {
    const push = createSignalPush(h.deps);
    const a = await h.started(2);
    const b = await h.started(3);
    await push.connect(a.token, 'a-live');
    await push.connect(a.token, 'a-gone');
    await push.connect(a.token, 'a-broken');
    await push.connect(b.token, 'b-live');
    gone.add('a-gone');
    broken.add('a-broken');
    const proctor = await h.loginStaff('proctor');
    const res = await h.call('POST', `/api/admin/attempts/${a.attemptId}/pause`, {
      token: proctor,
      body: { reason: 'istirahat' },
    });
    expect(res.status).toBe(200);
    expect(signalsTo('a-live').map((g) => g.state)).toEqual(['paused']);
    expect(signalsTo('b-live')).toEqual([]);
    expect((await h.store.pushConnections.list(a.attemptId, h.now())).sort()).toEqual(['a-broken', 'a-live']);
  });

  it('a registration past its TTL is not posted to', async () => {
    const push = createSignalPush(h.deps);
    const login = await h.loginCandidate(0);
    await push.connect(login.token, 'old');
    expect(await h.store.pushConnections.list(login.attemptId, h.now() + 3 * 3600_000 + 1_000)).toEqual([]);
  });
});
