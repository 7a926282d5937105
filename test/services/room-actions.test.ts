// Bulk room actions (pause / resume / extend with one reason): role matrix, audit entry first, every attempt's step.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../functions/domain/audit-log.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

let h: ApiHarness;
let admin: string;
let proctor: string;
let auditor: string;
let stranger: string;
let ids: string[];
let base: string;

const metas = async () => Promise.all(ids.map((id) => h.store.attempts.get(id, true)));
const roomEntries = async () =>
  (await h.services.auditLog.list(auditDay(h.now()))).filter((e) => e.action.startsWith('room.'));

beforeAll(async () => {
  h = await apiHarness(4);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
  stranger = await h.loginOtherProctor('pengawas9', 'P9');
  ids = [(await h.started(0)).attemptId, (await h.started(1)).attemptId, (await h.started(2)).attemptId];
  await h.call('POST', `/api/admin/attempts/${ids[2]}/pause`, { token: proctor, body: { reason: 'toilet' } });
  base = `/api/admin/sessions/${h.demo.sessionId}/room`;
});

describe('bulk room actions', () => {
  it('refuses the wrong role, a proctor not assigned to the session and anonymous callers; nothing written', async () => {
    const before = await metas();
    for (const [token, status] of [
      [stranger, 403],
      [auditor, 403],
      [undefined, 401],
    ] as const) {
      for (const action of ['pause', 'resume', 'extend']) {
        const res = await h.call('POST', `${base}/${action}`, {
          token,
          body: { reason: 'listrik padam', minutes: 10 },
        });
        expect(res.status, `${action} ${status}`).toBe(status);
      }
    }
    expect(await metas()).toEqual(before);
    expect(await roomEntries()).toEqual([]);
  });

  it('refuses bad bodies with 400 and writes nothing', async () => {
    const before = await metas();
    for (const [action, body] of [
      ['extend', { reason: 'listrik padam' }],
      ['extend', { reason: 'listrik padam', minutes: 0 }],
      ['pause', { reason: 'x' }],
      ['pause', { reason: 'listrik padam', attemptIds: [] }],
      ['submit', { reason: 'listrik padam' }],
    ] as const) {
      const res = await h.call('POST', `${base}/${action}`, { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await h.call('POST', '/api/admin/sessions/NOPE/room/pause', { token: admin, body: { reason: 'abc' } }))
        .status,
    ).toBe(404);
    expect(await metas()).toEqual(before);
    expect(await roomEntries()).toEqual([]);
  });

  it('the assigned proctor pauses the room: running attempts only, one audit entry naming them, one reason', async () => {
    const res = await h.call('POST', `${base}/pause`, { token: proctor, body: { reason: 'listrik padam' } });
    expect(res.status).toBe(200);
    expect(res.json.applied).toEqual([ids[0], ids[1]].sort());
    expect(res.json.failed).toEqual([]);
    expect((await metas()).map((m) => m?.state)).toEqual(['paused', 'paused', 'paused']);
    const [entry] = await roomEntries();
    expect(entry).toMatchObject({
      action: 'room.pause',
      target: `session:${h.demo.sessionId}`,
      reason: 'listrik padam',
      actor: { role: 'proctor' },
      details: { attempts: [ids[0], ids[1]].sort() },
    });
    const steps = await h.store.attempts.readSteps(ids[0]!);
    expect(steps.find((s) => s.type === 'paused')).toMatchObject({ reason: 'listrik padam' });
  });

  it('extends every unfinished attempt, then resumes the room', async () => {
    const ext = await h.call('POST', `${base}/extend`, {
      token: admin,
      body: { reason: 'gangguan listrik', minutes: 10 },
    });
    expect(ext.status).toBe(200);
    expect(ext.json.applied).toHaveLength(3);
    expect((await metas()).map((m) => m?.extensionsMs)).toEqual([600_000, 600_000, 600_000]);
    const res = await h.call('POST', `${base}/resume`, { token: proctor, body: { reason: 'listrik pulih' } });
    expect(res.json.applied).toHaveLength(3);
    expect((await metas()).map((m) => m?.state)).toEqual(['running', 'running', 'running']);
    expect((await roomEntries()).map((e) => e.action)).toEqual(['room.pause', 'room.extend', 'room.resume']);
  });

  it('an extension retried with the same Idempotency-Key adds its minutes once; a new key adds them again', async () => {
    const before = (await metas()).map((m) => m?.extensionsMs ?? 0);
    const extend = (key: string) =>
      h.call('POST', `${base}/extend`, {
        token: admin,
        headers: { 'idempotency-key': key },
        body: { reason: 'jaringan putus', minutes: 5 },
      });
    const key = 'b'.repeat(32);
    expect((await extend(key)).status).toBe(200);
    expect((await extend(key)).status).toBe(200); // the client's retry after a lost answer
    expect((await metas()).map((m) => m?.extensionsMs)).toEqual(before.map((ms) => ms + 300_000));
    expect((await extend('c'.repeat(32))).status).toBe(200);
    expect((await metas()).map((m) => m?.extensionsMs)).toEqual(before.map((ms) => ms + 600_000));
  });

  it('narrows to selected attempts of the room', async () => {
    const res = await h.call('POST', `${base}/pause`, {
      token: proctor,
      body: { reason: 'cek identitas', attemptIds: [ids[1], 'not-in-room'] },
    });
    expect(res.json.applied).toEqual([ids[1]]);
    expect((await metas()).map((m) => m?.state)).toEqual(['running', 'paused', 'running']);
  });
});
