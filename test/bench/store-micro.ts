// Microbenchmark of the store client: API-thread CPU µs per DynamoDB request for the login and start's shapes.
// Usage: npx tsx test/bench/store-micro.ts [ops per shape per round = 1500] [rounds = 5] [in flight = 32].
// Starts the embedded store (dynalite on its own worker thread) with the spike's roster, then runs each shape's
// ops at a fixed concurrency, round-robin over the shapes, and prints per shape the median (min–max) over the
// rounds of this (main) thread's CPU time (process.threadCpuUsage: dynalite's thread is not counted) per op.
// A/B: STORE_MICRO_BASE=<another clone> loads that clone's functions/store too (its node_modules must resolve)
// and runs each shape on both stores against the same dynalite, alternating A B / B A round by round, so the
// machine's drift hits both alike; it then also prints the median of the rounds' B/A ratios.

import { attemptIdFor } from '../../functions/domain/seed.ts';
import { DEMO_SESSION_ID } from '../../functions/local/demo-data.ts';
import { startLocal } from '../../functions/local/server.ts';
import type { Store } from '../../functions/store/types.ts';

const perRound = Number(process.argv[2] ?? 1500);
const rounds = Number(process.argv[3] ?? 5);
const inFlight = Number(process.argv[4] ?? 32);

const local = await startLocal({
  port: 0,
  quiet: true,
  sweepEveryMs: 0,
  seed: { candidates: 2020, openForMs: 3_600_000 },
});
const { config } = local.deps;
const baseDir = process.env.STORE_MICRO_BASE;
const stores: Record<string, Store> = { B: local.deps.store };
if (baseDir) {
  const other = (await import(`${baseDir.replace(/\/$/, '')}/functions/store/index.ts`)) as {
    createStore: (c: Store['config']) => Store;
  };
  stores.A = other.createStore(local.deps.store.config);
}
const regNos = local.demo.candidates.map((c) => c.regNo);
const regNo = (i: number): string => regNos[i % regNos.length] as string;
const sessionId = DEMO_SESSION_ID;
let salt = 0;

/** Each shape's op i; a round's ops get fresh keys where the real request writes a new item. */
const shapesOf = (store: Store): Record<string, (i: number, tag: string) => Promise<unknown>> => ({
  'Query REG# (sessionsOfCandidate)': (i) => store.sessions.sessionsOfCandidate(regNo(i)),
  'BatchGet 5 keys (readCandidateIn)': (i) =>
    store.loginLimits.readCandidateIn(regNo(i), '10.0.0.1', 1_700_000_000_000, Date.now(), [
      { sessionId, regNo: regNo(i), attemptId: attemptIdFor(config.pinPepper, sessionId, regNo(i)) },
    ]),
  'UpdateItem conditional (reservePair)': (i, tag) =>
    store.loginLimits.reservePair(
      'candidate',
      regNo(i),
      `10.${tag}.${i}`,
      1_700_000_000_000,
      0,
      Date.now(),
      1_700_000_900_000,
    ),
  'PutItem (room.recordLogin)': (i, tag) =>
    store.room.recordLogin({
      sessionId,
      regNo: `${regNo(i)}-${tag}`,
      attemptId: `a-${tag}-${i}`,
      at: Date.now(),
    }),
  'PutItem conditional (attempts.create)': (i, tag) =>
    store.attempts.create({
      attemptId: `b${tag}x${String(i).padStart(8, '0')}`.padEnd(25, '0'),
      sessionId,
      examId: 'skd-demo',
      examVersion: 1,
      regNo: regNo(i),
      formationId: 'cpns-2026',
      formationType: 'umum',
      seed: 'f'.repeat(64),
      bankSnapshots: { 'demo-bank': 'snap-0123456789' },
      state: 'running',
      startedAt: Date.now(),
      durationMs: 6_000_000,
      extensionsMs: 0,
      pausedMs: 0,
      deviceEpoch: 1,
      deviceNonce: '0123456789abcdef0123456789abcdef',
      version: 1,
    }),
});

/** CPU µs of this thread per op for `n` ops of one shape, `inFlight` at a time. */
const measure = async (op: (i: number, tag: string) => Promise<unknown>, n: number): Promise<number> => {
  const tag = String(salt++);
  let next = 0;
  const worker = async () => {
    while (next < n) await op(next++, tag);
  };
  const t = process.threadCpuUsage();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const d = process.threadCpuUsage(t);
  return (d.user + d.system) / n;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const fmt = (xs: number[], digits = 0) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

try {
  const sides = Object.keys(stores).sort();
  const shapes = Object.fromEntries(sides.map((s) => [s, shapesOf(stores[s] as Store)]));
  const names = Object.keys(shapes.B ?? {});
  // Warm-up: the JIT and the sockets, not counted.
  for (const side of sides)
    for (const op of Object.values(shapes[side] ?? {})) await measure(op, Math.min(perRound, 500));
  const got: Record<string, number[]> = Object.fromEntries(
    sides.flatMap((side) => names.map((name) => [`${side} ${name}`, []])),
  );
  for (let r = 0; r < rounds; r++)
    for (const name of names)
      for (const side of r % 2 ? [...sides].reverse() : sides) {
        const op = shapes[side]?.[name];
        if (op) got[`${side} ${name}`]?.push(await measure(op, perRound));
      }
  const meanOf = (side: string): number[] =>
    Array.from(
      { length: rounds },
      (_, r) => names.reduce((s, n) => s + (got[`${side} ${n}`]?.[r] ?? 0), 0) / names.length,
    );
  console.log(
    `store-micro: API-thread CPU µs per request, median (min–max) of ${rounds} rounds of ${perRound} ops, ${inFlight} in flight`,
  );
  for (const name of names) {
    const row = sides.map((side) => `${side} ${fmt(got[`${side} ${name}`] ?? [])}`).join('   ');
    console.log(`  ${name.padEnd(40)} ${row}`);
  }
  console.log(
    `  ${'mean of the shapes'.padEnd(40)} ${sides.map((side) => `${side} ${fmt(meanOf(side))}`).join('   ')}`,
  );
  if (sides.length === 2) {
    const a = meanOf('A');
    const ratios = meanOf('B').map((b, r) => b / (a[r] as number));
    console.log(`  B/A per round (mean of the shapes): ${fmt(ratios, 3)}`);
  }
} finally {
  await local.stop();
}
