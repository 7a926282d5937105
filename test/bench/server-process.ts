// Benchmark server child: `npm start`'s layout (API + store on its own worker thread) on a temp data dir, over IPC.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { startLocal } from '../../functions/local/server.ts';
import { storeUnits } from '../../functions/store/index.ts';
import { BENCH_LOGIN_LIMITS } from './limits.ts';
import type { ServerEvents, ServerProfiled, ServerReady, ServerRequest, ServerStats } from './protocol.ts';
import { readLevelDbEvents, type ServerEvent, watchGc, watchLoopLag } from './server-events.ts';

const send = (m: ServerReady | ServerStats | ServerProfiled | ServerEvents): void => {
  process.send?.(m);
};

const candidates = Number(process.env.BENCH_CANDIDATES ?? 10);
const dataDir = await mkdtemp(join(tmpdir(), 'seleksi-bench-'));
/** GC pauses ≥ 10 ms and event-loop turns ≥ 50 ms late on dynalite's worker thread (the newest 2,000). */
const storePauses: ServerEvent[] = [];
const platform = await startLocal({
  storePauses: {
    on: ({ at, what, ms }) => {
      storePauses.push([at, `store ${what}`, ms]);
      if (storePauses.length > 2_000) storePauses.shift();
    },
  },
  port: 0,
  dataDir,
  quiet: true,
  seed: { candidates, openForMs: 6 * 3600_000 },
  sweepEveryMs: 0,
  loginLimits: BENCH_LOGIN_LIMITS,
});

// Ceiling (c): a bare Hono route on the same node server adapter, in the same process, no store.
const bare = new Hono();
bare.get('/bare', (c) => c.json({ ok: true }));
const bareServer = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
  s.once('listening', () => resolve(s));
});
const barePort = (bareServer.address() as AddressInfo).port;

const gcPauses = watchGc();
const apiLate = watchLoopLag();
const inspector = new Session();
inspector.connect();

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

process.on('message', async (m: ServerRequest) => {
  if (m.type === 'stats') {
    const usage = process.resourceUsage();
    send({
      type: 'stats',
      units: storeUnits.snapshot(),
      rssMb: mb(process.memoryUsage.rss()),
      peakRssMb: mb(usage.maxRSS * 1024),
      cpuUserUs: usage.userCPUTime,
      cpuSystemUs: usage.systemCPUTime,
      apiThreadCpuUs: (() => {
        const t = process.threadCpuUsage();
        return t.user + t.system;
      })(),
    });
    if (m.reset) storeUnits.reset();
  } else if (m.type === 'events') {
    send({
      type: 'events',
      events: [...gcPauses(), ...apiLate(), ...storePauses, ...(await readLevelDbEvents(dataDir))],
    });
  } else if (m.type === 'profile') {
    // CPU profile of the API thread for one phase (BENCH_PROFILE_PHASE), via the inspector.
    if (m.action === 'start') {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    } else {
      const { profile } = await inspector.post('Profiler.stop');
      if (m.file) {
        await mkdir(dirname(m.file), { recursive: true });
        await writeFile(m.file, JSON.stringify(profile));
      }
    }
    send({ type: 'profiled' });
  } else if (m.type === 'stop') {
    await new Promise<void>((resolve) => bareServer.close(() => resolve()));
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.disconnect?.();
    // Let --cpu-prof write its profile on a normal exit.
    process.exit(0);
  }
});

send({
  type: 'ready',
  url: platform.url.replace('localhost', '127.0.0.1'),
  bareUrl: `http://127.0.0.1:${barePort}`,
  storeConfig: platform.deps.store.config,
  candidates: platform.demo.candidates,
});
