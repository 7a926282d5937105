// The local platform (`npm start` without the CLI): one port for API and web, JSON 404s, a clear port-in-use error.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntimeError } from '../../functions/local/errors.ts';
import { type LocalPlatform, startLocal, WEB_DIST } from '../../functions/local/server.ts';

let platform: LocalPlatform;
beforeAll(async () => {
  platform = await startLocal({ port: 0, sweepEveryMs: 0 });
});
afterAll(async () => {
  await platform?.stop();
});

describe('local platform', () => {
  it('serves health, the API and the web app on one port', async () => {
    const health = await fetch(`${platform.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'ok' });
    expect(existsSync(`${WEB_DIST}index.html`), 'web/dist missing: npm test builds it first').toBe(true);
    const page = await fetch(`${platform.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const deepLink = await fetch(`${platform.url}/some/client/route`);
    expect(await deepLink.text()).toContain('<div id="root">');
  });

  it('answers unknown API routes with JSON 404, never the web page', async () => {
    const res = await fetch(`${platform.url}/api/nothing/here`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('seeds 5 demo candidates who can log in', async () => {
    expect(platform.demo.candidates).toHaveLength(5);
    const c = platform.demo.candidates[0]!;
    const res = await fetch(`${platform.url}/api/candidate/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ regNo: c.regNo, pin: c.pin }),
    });
    expect(res.status).toBe(200);
  });

  it('a port in use is a LocalRuntimeError naming the port, not a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const err = await startLocal({ port, sweepEveryMs: 0 }).then(
        (p) => p.stop().then(() => undefined),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(LocalRuntimeError);
      expect((err as Error).message).toContain(String(port));
      expect((err as Error).message).toMatch(/already in use/);
    } finally {
      blocker.close();
    }
  });
});
