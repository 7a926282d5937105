// Sweep benchmark: the end of one large session (N attempts: most submitted ≈ 30 s ago, some past their
// deadline, a few with a straggler save) swept once; prints the time against the one-minute schedule period.
// Usage: npx tsx test/bench/sweep.ts [attempts=10000]
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { attemptIdFor } from '../../functions/domain/seed.ts';
import { seedDemo } from '../../functions/local/demo-data.ts';
import { startEmbeddedStore } from '../../functions/local/embedded-store.ts';
import type { CandidateClaims } from '../../functions/services/auth/tokens.ts';
import { mapLimit } from '../../functions/services/concurrency.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import type { Deps } from '../../functions/services/deps.ts';
import { createServices } from '../../functions/services/index.ts';
import { SETTLE_AFTER_MS, sweepSession } from '../../functions/services/sweep.ts';
import { createStore } from '../../functions/store/index.ts';
import { storeUnits } from '../../functions/store/units.ts';

const N = Number(process.argv[2] ?? 10_000);
const EXPIRED_SHARE = 0.1;
const STRAGGLERS = 10;

const embedded = await startEmbeddedStore({});
const store = createStore(embedded.config);
await store.ensure();
let now = Date.now();
const deps: Deps = {
  store,
  config: defaultApiConfig({ jwtSecret: 'bench-jwt-secret-0123456789', pinPepper: 'bench-pepper' }),
  clock: () => now,
  randomHex: (n) => randomBytes(n).toString('hex'),
};
const t0 = performance.now();
const demo = await seedDemo(deps, { candidates: N, finishedCohort: 0 });
const svc = createServices(deps);
const claimsOf = (i: number): CandidateClaims => {
  const regNo = demo.candidates[i]!.regNo;
  return {
    role: 'candidate',
    sub: regNo,
    sid: demo.sessionId,
    aid: attemptIdFor(deps.config.pinPepper, demo.sessionId, regNo),
    dev: 1,
    exp: Math.floor(now / 1000) + 86_400,
  };
};
const idx = Array.from({ length: N }, (_, i) => i);
await mapLimit(idx, 32, (i) => svc.attempt.start(claimsOf(i)));
const expiredFrom = Math.floor(N * (1 - EXPIRED_SHARE));
// Candidates who submit themselves, the last ≈ 60 s before the sweep; the rest run into their deadline.
now += 100 * 60_000 - 60_000;
await mapLimit(idx.slice(0, expiredFrom), 32, (i) =>
  svc.finalizer.submit(claimsOf(i).aid, { role: 'candidate' }),
);
// Stragglers: a save acknowledged before the submit, written after it was scored.
for (const i of idx.slice(0, STRAGGLERS)) {
  await store.attempts.appendClientStep(claimsOf(i).aid, {
    type: 'flagged',
    itemId: 'straggler',
    flagged: true,
    at: now - 1,
    deviceEpoch: 1,
    clientSeq: 1,
  } as never);
}
const seededS = (performance.now() - t0) / 1000;
now += Math.max(SETTLE_AFTER_MS, 60_000) + 16_000; // past every deadline + grace; submits 20–150 s old

storeUnits.reset();
const s0 = performance.now();
const c0 = process.cpuUsage();
const report = await sweepSession(svc, demo.sessionId);
const sweptS = (performance.now() - s0) / 1000;
const cpu = process.cpuUsage(c0);
const units = storeUnits.snapshot();
console.log(
  JSON.stringify({
    attempts: N,
    seededS: Number(seededS.toFixed(1)),
    report,
    sweptS: Number(sweptS.toFixed(2)),
    // CPU of this process (sweep + the store's worker thread): the figure a loaded machine distorts least.
    sweepCpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    schedulePeriodS: 60,
    withinPeriod: sweptS < 60,
    units,
  }),
);
await embedded.stop();
