// The local platform (`npm start` without the CLI): one port for API and web, JSON 404s, a clear port-in-use error.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntimeError } from '../../functions/local/errors.ts';
import { KEEP_ALIVE_MS, type LocalPlatform, startLocal, WEB_DIST } from '../../functions/local/server.ts';

/** A stand-in for web/dist so this file passes alone, without a prior `npm run build:web`. */
const FIXTURE_DIST = fileURLToPath(new URL('./fixture-dist/', import.meta.url));

let platform: LocalPlatform;
beforeAll(async () => {
  platform = await startLocal({ port: 0, sweepEveryMs: 0, webDist: FIXTURE_DIST });
});
afterAll(async () => {
  await platform?.stop();
});

describe('local platform', () => {
  it('serves health, the API and the web app on one port', async () => {
    const health = await fetch(`${platform.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'ok' });
    const page = await fetch(`${platform.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const asset = await fetch(`${platform.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('fixture');
    const deepLink = await fetch(`${platform.url}/some/client/route`);
    expect(await deepLink.text()).toContain('<div id="root">');
  });

  it.each(['/', '/assets/app.js', '/api/health', '/api/nothing/here', '/some/client/route'])(
    'security headers on %s: CSP without inline scripts, frame-ancestors none, nosniff, Referrer-Policy',
    async (path) => {
      const res = await fetch(`${platform.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it('the candidate login (answered with plain headers) carries them too, and so does its 4xx', async () => {
    const { regNo, pin } = platform.demo.candidates[0]!;
    const post = (body: object) =>
      fetch(`${platform.url}/api/candidate/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const [res, status] of [
      [await post({ regNo, pin }), 200],
      [await post({ regNo, pin: 'x' }), 400],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toBe('application/json');
    }
  });

  it('an over-limit body is answered 413 and the server closes that connection', async () => {
    const body = JSON.stringify({ regNo: 'SKD26-00001', pin: '123456', pad: 'x'.repeat(300 * 1024) });
    const res = await fetch(`${platform.url}/api/candidate/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    // The next request (a new connection) is served normally.
    expect((await fetch(`${platform.url}/api/health`)).status).toBe(200);
  });

  it("keeps an idle keep-alive connection open 65 s, not Node's 5 s that races a client reusing it", async () => {
    const res = await fetch(`${platform.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    expect(KEEP_ALIVE_MS).toBeGreaterThanOrEqual(60_000);
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

  it('serves web/dist by default (the path npm start builds into)', () => {
    expect(WEB_DIST.replaceAll('\\', '/')).toMatch(/\/web\/dist\/$/);
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
