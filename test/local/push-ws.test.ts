// The local push channel: a WebSocket on the server's own port at /ws, opened with the candidate's token,
// receives a proctor's pause at once; a bad token or another path is refused before the upgrade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PUSH_PATH } from '../../functions/local/push-ws.ts';
import { type LocalPlatform, startLocal } from '../../functions/local/server.ts';
import { attemptSignal } from '../../functions/schemas/candidate.ts';

let platform: LocalPlatform;
beforeAll(async () => {
  platform = await startLocal({ port: 0, sweepEveryMs: 0, seed: { candidates: 2 } });
});
afterAll(async () => {
  await platform?.stop();
});

const post = async (path: string, body: object, token?: string) => {
  const res = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

const wsUrl = (path: string) => platform.url.replace(/^http/, 'ws') + path;

/** Resolves with the socket once open, or with the HTTP status of a refused upgrade. */
const open = (url: string) =>
  new Promise<{ ws?: WebSocket; status?: number }>((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.once('error', () => resolve({ status: -1 }));
  });

describe('local push (WebSocket at /ws)', () => {
  it('a proctor pause reaches the open page at once', async () => {
    const c = platform.demo.candidates[0]!;
    const login = await post('/api/candidate/login', { regNo: c.regNo, pin: c.pin });
    const { token, attemptId } = login.json as { token: string; attemptId: string };
    expect((await post(`/api/candidate/attempts/${attemptId}/start`, {}, token)).status).toBe(200);
    const { ws } = await open(wsUrl(`${PUSH_PATH}?token=${encodeURIComponent(token)}`));
    expect(ws).toBeDefined();
    const message = new Promise<string>((resolve) => ws!.once('message', (d) => resolve(String(d))));
    const staff = await post('/api/admin/login', platform.demo.proctor);
    const t0 = Date.now();
    const pause = await post(
      `/api/admin/attempts/${attemptId}/pause`,
      { reason: 'listrik padam' },
      staff.json.token as string,
    );
    expect(pause.status).toBe(200);
    const signal = attemptSignal.parse(JSON.parse(await message));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(signal).toMatchObject({ attemptId, state: 'paused', ended: null });
    ws!.close();
  });

  it.each([
    ['no token', PUSH_PATH, 401],
    ['a forged token', `${PUSH_PATH}?token=a.b.c`, 401],
    ['another path', '/api/candidate/ws', 404],
  ])('%s: the upgrade is refused', async (_n, path, status) => {
    expect(await open(wsUrl(path))).toEqual({ status });
  });
});
