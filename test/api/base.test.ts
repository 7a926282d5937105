// Shape every role app shares: 413 with the connection closed for an oversized body, no-store by default.
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonAnswer, MAX_BODY_BYTES, roleApp } from '../../functions/api/base.ts';
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

  it('the start answers its form with Content-Type application/json and Cache-Control: no-store', async () => {
    const login = await h.loginCandidate(1);
    const start = await h.call('POST', `/api/candidate/attempts/${login.attemptId}/start`, {
      token: login.token,
      body: {},
    });
    expect(start.status).toBe(200);
    expect(start.headers.get('content-type')).toBe('application/json');
    expect(start.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['a JSON text', (v: object) => JSON.stringify(v)],
    ['its UTF-8 bytes', (v: object) => new TextEncoder().encode(JSON.stringify(v))],
  ])('jsonAnswer of %s: the same status, headers and bytes as c.json under the default', async (_n, body) => {
    const value = { token: 'x.y.z', name: 'Siti Ñ 日本', serverTime: 1 };
    const app = roleApp('/t');
    app.get('/json', (c) => c.json(value));
    app.get('/answer', () => jsonAnswer(body(value) as string | Uint8Array<ArrayBuffer>));
    const [a, b] = await Promise.all([app.request('/t/json'), app.request('/t/answer')]);
    expect(b.status).toBe(a.status);
    expect([...b.headers]).toEqual([...a.headers]);
    expect(await b.text()).toBe(await a.text());
  });
});
