// Shape every role app shares: 413 with the connection closed for an oversized body, no-store by default.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/api/base.ts';
import { type ApiHarness, apiHarness } from './harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(2);
});

describe('role apps', () => {
  it('an over-limit body gets 413 PAYLOAD_TOO_LARGE with Connection: close, and nothing is written', async () => {
    const big = JSON.stringify({ regNo: 'SKD26-00001', pin: '123456', pad: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await h.call('POST', '/api/candidate/login', { rawBody: big });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json.error.message).toBeTypeOf('string');
  });

  it('authenticated API responses carry Cache-Control: no-store (also login, which returns a token)', async () => {
    const login = await h.loginCandidate(0);
    const raw = await h.call('POST', '/api/candidate/login', {
      body: { regNo: h.demo.candidates[0]!.regNo, pin: h.demo.candidates[0]!.pin },
    });
    expect(raw.headers.get('cache-control')).toBe('no-store');
    const state = await h.call('GET', `/api/candidate/attempts/${login.attemptId}`, { token: login.token });
    expect(state.status).toBe(200);
    expect(state.headers.get('cache-control')).toBe('no-store');
    const admin = await h.call('GET', '/api/admin/sessions', { token: await h.loginStaff('admin') });
    expect(admin.headers.get('cache-control')).toBe('no-store');
    const denied = await h.call('GET', '/api/admin/sessions');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('cache-control')).toBe('no-store');
  });
});
