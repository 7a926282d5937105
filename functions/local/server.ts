// The whole platform in one process: embedded store (dynalite on its own thread + s3rver), API and web on one port.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApiApp } from '../api/app.ts';
import { notFound } from '../api/middleware/on-error.ts';
import type { LoginLimits } from '../domain/login-limits.ts';
import { defaultApiConfig } from '../services/config.ts';
import type { Deps } from '../services/deps.ts';
import { createSignalPush } from '../services/push.ts';
import { sweepOpenSessions } from '../services/sweep.ts';
import { createStore } from '../store/index.ts';
import { checkDataFormat, ensureDemo } from './data-dir.ts';
import type { DemoCredentials, SeedOptions } from './demo-data.ts';
import { type EmbeddedStoreOptions, startEmbeddedStore } from './embedded-store.ts';
import { portInUse } from './errors.ts';
import { servePublished } from './published.ts';
import { createLocalPush } from './push-ws.ts';
import { loadLocalSecrets } from './secrets.ts';
import { localSecureHeaderList, withSecureHeaders } from './secure-headers.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** How long the local server keeps an idle keep-alive connection open (Node's default is 5 s). */
export const KEEP_ALIVE_MS = 65_000;

export interface LocalOptions {
  /** 0 = a free port. */
  port?: number;
  /** Undefined = in-memory store (tests, benchmarks). */
  dataDir?: string;
  quiet?: boolean;
  seed?: SeedOptions;
  /** Login rate limits (default: defaultLoginLimits); the benchmark raises the per-address cap. */
  loginLimits?: LoginLimits;
  /** Sweeper period; 0 disables it. */
  sweepEveryMs?: number;
  /** The built web app to serve (default web/dist/, built by `npm run build:web`). */
  webDist?: string;
  /** Stalls of the store's worker thread (GC, late event loop): the benchmark lists them beside the API thread's. */
  storePauses?: EmbeddedStoreOptions['storePauses'];
}

export interface LocalPlatform {
  url: string;
  port: number;
  demo: DemoCredentials;
  deps: Deps;
  stop(): Promise<void>;
}

export const startLocal = async (opts: LocalOptions = {}): Promise<LocalPlatform> => {
  if (opts.dataDir) checkDataFormat(opts.dataDir);
  const embedded = await startEmbeddedStore({
    dataDir: opts.dataDir,
    ...(opts.storePauses ? { storePauses: opts.storePauses } : {}),
  });
  const localPush = createLocalPush();
  try {
    const store = createStore(embedded.config);
    await store.ensure();
    const deps: Deps = {
      store,
      config: {
        ...defaultApiConfig(loadLocalSecrets(opts.dataDir)),
        ...(opts.loginLimits ? { loginLimits: opts.loginLimits } : {}),
      },
      clock: Date.now,
      randomHex: (n) => randomBytes(n).toString('hex'),
      push: localPush.transport,
    };
    const demo = await ensureDemo(deps, opts.dataDir, opts.seed);

    const { app: api, services } = createApiApp(deps);
    const app = new Hono();
    app.route('/', api);
    app.all('/api/*', notFound);
    app.get('/published/*', servePublished(store));
    const root = relative(process.cwd(), opts.webDist ?? WEB_DIST) || '.';
    // The web app compressed, as CloudFront serves it (the exam page's load time is measured over the wire).
    app.use('/*', compress());
    app.use('/*', serveStatic({ root }));
    app.get('/*', serveStatic({ root, path: 'index.html' }));

    const securityHeaders = await localSecureHeaderList(store.config.s3Endpoint);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const fetch = withSecureHeaders(app.fetch, securityHeaders);
      const s = serve({ fetch, port: opts.port ?? 3000, hostname: '127.0.0.1' });
      s.once('listening', () => resolve(s));
      s.once('error', (e: NodeJS.ErrnoException) =>
        reject(e.code === 'EADDRINUSE' ? portInUse(opts.port ?? 3000) : e),
      );
    });
    // Node closes an idle keep-alive connection after 5 s by default, racing a client that reuses it at that
    // moment (its request is reset, not answered: the benchmark's open loop saw ECONNRESET and "socket closed
    // mid-response"). Kept open longer than clients keep theirs idle, as load balancers do (ALB: 60 s).
    (server as Server).keepAliveTimeout = KEEP_ALIVE_MS;
    const port = (server.address() as AddressInfo).port;
    // Proctor signals: WebSocket upgrades on the same port (AWS: the API Gateway WebSocket API behind /ws).
    localPush.attach(server as Server, createSignalPush(deps));

    const sweepEvery = opts.sweepEveryMs ?? 30_000;
    const timer =
      sweepEvery > 0
        ? setInterval(() => {
            sweepOpenSessions(services).catch((e) => console.error('sweeper:', e));
          }, sweepEvery)
        : undefined;
    timer?.unref();

    return {
      url: `http://localhost:${port}`,
      port,
      demo,
      deps,
      async stop() {
        if (timer) clearInterval(timer);
        localPush.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await embedded.stop();
      },
    };
  } catch (e) {
    localPush.close();
    await embedded.stop();
    throw e;
  }
};
