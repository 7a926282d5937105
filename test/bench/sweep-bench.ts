// Sweep benchmark: the end of one large session (N attempts: most submitted ≈ 30 s ago, some past their
// deadline, a few with a straggler save) swept once, timed against the one-minute schedule period.
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
import {
  ATTEMPT_CONCURRENCY,
  SETTLE_AFTER_MS,
  type SweepReport,
  sweepSession,
} from '../../functions/services/sweep.ts';
import { createStore } from '../../functions/store/index.ts';
import { storeUnits, type UnitsSnapshot } from '../../functions/store/units.ts';

const EXPIRED_SHARE = 0.1;
const STRAGGLERS = 10;
/** The sweeper's schedule period (infra: rate(1 minute)). */
export const SCHEDULE_PERIOD_S = 60;

export interface SweepFigures {
  date: string;
  attempts: number;
  seededS: number;
  report: SweepReport;
  sweptS: number;
  /** CPU of the process (sweep + the store's worker thread): the figure a loaded machine distorts least. */
  sweepCpuS: number;
  schedulePeriodS: number;
  withinPeriod: boolean;
  units: UnitsSnapshot;
  loadAverage: number[];
}

export const measureSweep = async (N: number): Promise<SweepFigures> => {
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
  await embedded.stop();
  return {
    date: new Date().toISOString(),
    attempts: N,
    seededS: Number(seededS.toFixed(1)),
    report,
    sweptS: Number(sweptS.toFixed(2)),
    sweepCpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    schedulePeriodS: SCHEDULE_PERIOD_S,
    withinPeriod: sweptS < SCHEDULE_PERIOD_S,
    units,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  };
};

export const renderSweepSection = (f: SweepFigures): string => `## 8. Sweep of a large session's end

\`npm run bench:sweep\` (test/bench/sweep.ts, ${f.date}; also run once by \`npm run bench\`): one session of
${f.attempts.toLocaleString('en-US')} started attempts, ${Math.round(EXPIRED_SHARE * 100)} % of them past their deadline, the rest submitted 20–150 s before the sweep, ${STRAGGLERS}
of those with a straggler save (acknowledged before the submit, written after it was scored); one
\`sweepSession\` (functions/services/sweep.ts: results read 100 per BatchGetItem, one Limit-1 Query per
recently submitted attempt, ${ATTEMPT_CONCURRENCY} attempts at once) on dynalite's worker thread. Load average at the end:
${f.loadAverage.join(' / ')} (1 / 5 / 15 min, 2 cores).

| | |
|---|---|
| attempts checked / finalized / settled | ${f.report.checked} / ${f.report.finalized} / ${f.report.settled} |
| sweep time (wall) | **${f.sweptS} s** — ${f.withinPeriod ? 'within' : '**not within**'} the ${f.schedulePeriodS} s schedule period |
| sweep CPU (sweep + store thread) | ${f.sweepCpuS} s |
| store requests / items read / items written | ${f.units.requests} / ${f.units.reads} / ${f.units.writes} |
`;
