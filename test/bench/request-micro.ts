// Microbenchmark of the start spike's two candidate routes on the real local platform: API-thread CPU µs per login and per start.
// Usage: npx tsx test/bench/request-micro.ts [candidates per round = 200] [rounds = 5] [in flight = 16]; or, to compare
// two checkouts round by round (A, B, A, B, …: each round's pair sees the same machine), with this file in both:
// `npx tsx test/bench/request-micro.ts --ab <checkout A> <checkout B> [per round] [rounds] [in flight]`.
// The server (startLocal: Hono app on @hono/node-server, embedded store on its own worker thread) runs in this
// process; the client runs on a worker thread of its own, so `process.threadCpuUsage()` of the main thread is the
// API thread alone: routing, middleware, body reading, zod, tokens, services, the store client, the form and the
// response writing. Each round logs in fresh candidates (all logins, then all starts, each batch measured apart)
// after one unmeasured warm-up round; prints the median (min–max) of the rounds. Compare code versions in
// interleaved runs (the machine's speed drifts), never one run against another taken minutes apart.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Job {
  url: string;
  inFlight: number;
  kind: 'login' | 'start';
  items: Array<{ regNo: string; pin: string; token?: string; attemptId?: string }>;
}

const post = (
  agent: Agent,
  url: string,
  body: string,
  token?: string,
): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
          'accept-language': 'id',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/** The client (worker thread): runs one batch of logins or starts with `inFlight` requests at a time. */
const client = (): void => {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  parentPort!.on('message', async (job: Job) => {
    let next = 0;
    let errors = 0;
    const one = async (): Promise<void> => {
      while (next < job.items.length) {
        const item = job.items[next++]!;
        if (job.kind === 'login') {
          const r = await post(
            agent,
            `${job.url}/api/candidate/login`,
            JSON.stringify({ regNo: item.regNo, pin: item.pin }),
          );
          if (r.status !== 200) errors++;
          else {
            const b = JSON.parse(r.text) as { token: string; attemptId: string };
            item.token = b.token;
            item.attemptId = b.attemptId;
          }
        } else {
          const r = await post(
            agent,
            `${job.url}/api/candidate/attempts/${item.attemptId}/start`,
            '{}',
            item.token,
          );
          if (r.status !== 200 || r.text.length < 10_000) errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: job.inFlight }, one));
    parentPort!.postMessage({ items: job.items, errors });
  });
};

interface Round {
  login: number;
  start: number;
}

/** The platform and its client; `round(r)` logs in and starts the r-th batch of fresh candidates. */
const setUp = async (perRound: number, rounds: number, inFlight: number) => {
  const { startLocal } = await import('../../functions/local/server.ts');
  const { BENCH_LOGIN_LIMITS } = await import('./limits.ts');
  const dataDir = await mkdtemp(join(tmpdir(), 'seleksi-req-micro-'));
  const platform = await startLocal({
    port: 0,
    dataDir,
    quiet: true,
    seed: { candidates: perRound * (rounds + 1), openForMs: 6 * 3600_000, finishedCohort: 0 },
    sweepEveryMs: 0,
    loginLimits: BENCH_LOGIN_LIMITS,
  });
  const worker = new Worker(new URL(import.meta.url), { workerData: 'client', execArgv: process.execArgv });
  const run = (job: Job): Promise<{ items: Job['items']; errors: number; us: number }> => {
    const t = process.threadCpuUsage();
    return new Promise((resolve) => {
      worker.once('message', (m: { items: Job['items']; errors: number }) => {
        const d = process.threadCpuUsage(t);
        resolve({ ...m, us: (d.user + d.system) / job.items.length });
      });
      worker.postMessage(job);
    });
  };
  const creds = platform.demo.candidates;
  const round = async (r: number): Promise<Round> => {
    const batch = creds.slice(r * perRound, (r + 1) * perRound).map((c) => ({ regNo: c.regNo, pin: c.pin }));
    const login = await run({ url: platform.url, inFlight, kind: 'login', items: batch });
    const start = await run({ url: platform.url, inFlight, kind: 'start', items: login.items });
    if (login.errors || start.errors) throw new Error(`errors: login ${login.errors}, start ${start.errors}`);
    return { login: login.us, start: start.us };
  };
  const stop = async (): Promise<void> => {
    await worker.terminate();
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { round, stop };
};

const fmt = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${Math.round(s[Math.floor(s.length / 2)]!)} (${Math.round(s[0]!)}–${Math.round(s[s.length - 1]!)})`;
};
const summary = (per: Round[]): string =>
  `login ${fmt(per.map((p) => p.login))}, start ${fmt(per.map((p) => p.start))}, both ${fmt(per.map((p) => p.login + p.start))}`;

const main = async (): Promise<void> => {
  const perRound = Number(process.argv[2] ?? 200);
  const rounds = Number(process.argv[3] ?? 5);
  const inFlight = Number(process.argv[4] ?? 16);
  const bench = await setUp(perRound, rounds, inFlight);
  const per: Round[] = [];
  for (let r = 0; r <= rounds; r++) {
    const got = await bench.round(r);
    console.log(
      `[request-micro] round ${r}${r === 0 ? ' (warm-up)' : ''}: API thread ${Math.round(got.login)} µs per login, ${Math.round(got.start)} µs per start`,
    );
    if (r > 0) per.push(got);
  }
  console.log(
    `[request-micro] API thread µs, median (min–max) of ${rounds} rounds of ${perRound}: ${summary(per)}`,
  );
  await bench.stop();
};

/** Child of `--ab`: sets up, then runs one round per message. */
const serveRounds = async (): Promise<void> => {
  const [perRound, rounds, inFlight] = process.argv.slice(3).map(Number) as [number, number, number];
  const bench = await setUp(perRound, rounds, inFlight);
  process.on('message', async (m: number | 'stop') => {
    if (m === 'stop') {
      await bench.stop();
      process.exit(0);
    }
    process.send!(await bench.round(m));
  });
  process.send!('ready');
};

/** Two checkouts' servers side by side, rounds alternated A, B, A, B, … (each pair sees the same machine). */
const ab = async (): Promise<void> => {
  const [dirA, dirB, perArg, roundsArg, inFlightArg] = process.argv.slice(3);
  const perRound = Number(perArg ?? 200);
  const rounds = Number(roundsArg ?? 7);
  const inFlight = Number(inFlightArg ?? 16);
  const start = (dir: string) => {
    const child = fork(
      join(dir!, 'test/bench/request-micro.ts'),
      ['--serve', String(perRound), String(rounds), String(inFlight)],
      {
        cwd: dir,
        execArgv: process.execArgv,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    const next = <T>(): Promise<T> => new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
    return { child, next };
  };
  const a = start(dirA!);
  await a.next<'ready'>();
  const b = start(dirB!);
  await b.next<'ready'>();
  const per: { a: Round[]; b: Round[] } = { a: [], b: [] };
  for (let r = 0; r <= rounds; r++) {
    for (const [name, side] of r % 2
      ? ([
          ['b', b],
          ['a', a],
        ] as const)
      : ([
          ['a', a],
          ['b', b],
        ] as const)) {
      side.child.send(r);
      const got = await side.next<Round>();
      console.log(
        `[request-micro] round ${r}${r === 0 ? ' (warm-up)' : ''} ${name}: ${Math.round(got.login)} µs per login, ${Math.round(got.start)} µs per start`,
      );
      if (r > 0) per[name].push(got);
    }
  }
  const diff = per.a.map((x, i) => per.b[i]!.login + per.b[i]!.start - x.login - x.start);
  console.log(`[request-micro] A ${dirA}: ${summary(per.a)}`);
  console.log(`[request-micro] B ${dirB}: ${summary(per.b)}`);
  console.log(`[request-micro] B − A per login + start, paired by round: median ${fmt(diff)} µs`);
  a.child.send('stop');
  b.child.send('stop');
};

if (!isMainThread) {
  if (workerData === 'client') client();
} else if (process.argv[2] === '--ab') await ab();
else if (process.argv[2] === '--serve') await serveRounds();
else await main();
