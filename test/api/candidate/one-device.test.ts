// One device per attempt: a second login is refused until a proctor approves a handover, which retires the old device.
import { describe, expect, it } from 'vitest';
import { messages } from '../../../functions/schemas/messages.ts';
import { storeUnits } from '../../../functions/store/index.ts';
import { apiHarness } from '../harness.ts';

describe('one device per attempt', () => {
  it('a running attempt refuses a new login with a bilingual message', async () => {
    const h = await apiHarness(1);
    await h.started(0);
    const c = h.demo.candidates[0]!;
    const id = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(id.status).toBe(409);
    expect(id.json.error.code).toBe('DEVICE_ACTIVE');
    expect(id.json.error.message).toContain('sudah aktif di perangkat lain; hubungi pengawas');
    const en = await h.call('POST', '/api/candidate/login', {
      body: { regNo: c.regNo, pin: c.pin },
      lang: 'en',
    });
    expect(en.json.error.message).toBe(messages.DEVICE_ACTIVE.en);
  });

  it('two browsers logged in before start: only the one that starts may read the form and save', async () => {
    const h = await apiHarness(1);
    const a = await h.loginCandidate(0);
    const b = await h.loginCandidate(0);
    // Not started yet: the exam page waits for the start's answer instead of asking for the form early.
    expect([a, b].map((l) => (l as { started?: boolean }).started)).toEqual([false, false]);
    const start = await h.call('POST', `/api/candidate/attempts/${a.attemptId}/start`, { token: a.token });
    expect(start.status).toBe(200);
    const formA = await h.call('GET', `/api/candidate/attempts/${a.attemptId}/form`, { token: a.token });
    expect(formA.status).toBe(200);
    const formB = await h.call('GET', `/api/candidate/attempts/${b.attemptId}/form`, { token: b.token });
    expect(formB.status).toBe(409);
    expect(formB.json.error.code).toBe('RETIRED_DEVICE');
    const item = formA.json.items[0];
    const step = { seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[0].id };
    const saveB = await h.call('PUT', `/api/candidate/attempts/${b.attemptId}/answers`, {
      token: b.token,
      body: { steps: [step] },
    });
    expect(saveB.status).toBe(409);
    expect(saveB.json.error.code).toBe('RETIRED_DEVICE');
    const saveA = await h.call('PUT', `/api/candidate/attempts/${a.attemptId}/answers`, {
      token: a.token,
      body: { steps: [{ ...step, seq: 2 }] },
    });
    expect(saveA.status).toBe(200);
  });

  it('a proctor’s handover admits one new login, retires the old device for good, and the monitor shows it', async () => {
    const h = await apiHarness(1);
    const old = await h.started(0);
    const c = h.demo.candidates[0]!;
    const proctor = await h.loginStaff('proctor');
    const reset = await h.call('POST', `/api/admin/attempts/${old.attemptId}/reset-device`, {
      token: proctor,
      body: { reason: 'laptop mati, pindah ke PC 12' },
    });
    expect(reset.status).toBe(200);
    expect(reset.json.attempt).toMatchObject({ deviceEpoch: 2, handoverOpen: true });

    const fresh = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(fresh.status).toBe(200);
    expect(fresh.json.started).toBe(true); // the new device's page asks for the form beside the state
    expect(fresh.json.brief).toBeUndefined(); // the start screen's facts come only for an unstarted attempt
    // The handover is used up: neither a third browser nor the old device can log in again.
    const again = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(again.json.error.code).toBe('DEVICE_ACTIVE');

    const item = old.form.items[0];
    const oldSave = await h.call('PUT', `/api/candidate/attempts/${old.attemptId}/answers`, {
      token: old.token,
      body: { steps: [{ seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[0].id }] },
    });
    expect(oldSave.json.error.code).toBe('RETIRED_DEVICE');
    const newSave = await h.call('PUT', `/api/candidate/attempts/${old.attemptId}/answers`, {
      token: fresh.json.token,
      body: { steps: [{ seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[1].id }] },
    });
    expect(newSave.status).toBe(200);

    const monitor = await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/attempts`, {
      token: proctor,
    });
    expect(monitor.json.attempts[0]).toMatchObject({ deviceEpoch: 2, handoverOpen: false });
  });

  it('the form long after start: a META of any age that names the device serves it; others are checked fresh', async () => {
    const h = await apiHarness(1);
    const a = await h.loginCandidate(0);
    const b = await h.loginCandidate(0);
    await h.call('POST', `/api/candidate/attempts/${a.attemptId}/start`, { token: a.token });
    h.advance(10 * h.deps.config.attemptCacheMs);
    const before = storeUnits.snapshot().requests;
    const formA = await h.call('GET', `/api/candidate/attempts/${a.attemptId}/form`, { token: a.token });
    expect(formA.status).toBe(200);
    expect(storeUnits.snapshot().requests - before).toBe(0);
    const formB = await h.call('GET', `/api/candidate/attempts/${b.attemptId}/form`, { token: b.token });
    expect(formB.json.error.code).toBe('RETIRED_DEVICE');

    // A handover made elsewhere (another process: this one still holds the old META): the new device's
    // token names epoch 2, the old META does not, so the form route reads the META again and serves it.
    const meta = (await h.store.attempts.get(a.attemptId, true))!;
    await h.store.attempts.update({ ...meta, deviceEpoch: 2, handoverOpen: true }, meta.version);
    const c = h.demo.candidates[0]!;
    const fresh = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(fresh.status).toBe(200);
    h.services.attemptCache.set(meta);
    h.advance(10 * h.deps.config.attemptCacheMs);
    const formNew = await h.call('GET', `/api/candidate/attempts/${a.attemptId}/form`, {
      token: fresh.json.token,
    });
    expect(formNew.status).toBe(200);
    expect(formNew.json.items).toEqual(formA.json.items.map((i: object) => expect.objectContaining(i)));
  });

  it('a finished attempt admits a login (to read the result)', async () => {
    const h = await apiHarness(1);
    const s = await h.started(0);
    await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
    const again = await h.loginCandidate(0);
    expect(again.attemptId).toBe(s.attemptId);
  });
});
