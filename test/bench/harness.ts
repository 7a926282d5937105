// The benchmark run: server and load generator in child processes, ceilings, exam-day phases, read-back check.
import { cpus } from 'node:os';
import { createContentCache } from '../../functions/services/content.ts';
import { createStore } from '../../functions/store/index.ts';
import { Child } from './children.ts';
import {
  type CostBreakdown,
  costPerCandidateExam,
  type ExamCounts,
  LAMBDA_MEMORY_MB,
  PRICES,
} from './cost.ts';
import { type CpuWindow, cpuWindow } from './machine.ts';
import type {
  AckedResult,
  AckedStep,
  ExamResult,
  LoadResult,
  LoadTask,
  OpenLoopResult,
  SaturationResult,
  ServerEvents,
  ServerProfiled,
  ServerReady,
  ServerRequest,
  ServerStats,
  SpikeResult,
  ThroughputResult,
} from './protocol.ts';
import { describeEvents, type ServerEvent } from './server-events.ts';

export interface BenchOptions {
  spikeCandidates: number;
  spikeSpreadMs: number;
  saturationCandidates: number;
  saturationSeconds: number;
  openLoopCandidates: number;
  openLoopSeconds: number;
  /** Open-loop arrival rate as a fraction of ceiling (a). */
  openLoopFraction: number;
  /**
   * Before the open loop: seconds of saves at its rate by other started candidates (not the measured ones),
   * so the server's save route runs compiled code as a serving process's would (the spike never saves), then
   * a pause of the same length for the store to finish the flushes and compactions the phases before left.
   * The measured candidates' first saves (cold attempt cache, first progress write) stay in the figure.
   * 0 = none.
   */
  openLoopWarmSeconds: number;
  examCandidates: number;
  /** SKD: 110 items, 1.5 saves per item. */
  examItems: number;
  savesPerItem: number;
  ceilingSeconds: number;
  ceilingConnections: number;
  connections: number;
  /** Directory for `node --cpu-prof` of the server process; undefined = no profile. */
  profileDir?: string;
  log?: (line: string) => void;
}

export const FULL_RUN: BenchOptions = {
  spikeCandidates: 2000,
  spikeSpreadMs: 1000,
  saturationCandidates: 500,
  saturationSeconds: 30,
  openLoopCandidates: 500,
  openLoopSeconds: 30,
  openLoopFraction: 0.25,
  openLoopWarmSeconds: 2,
  examCandidates: 20,
  examItems: 110,
  savesPerItem: 1.5,
  ceilingSeconds: 10,
  ceilingConnections: 16,
  connections: 128,
};

export interface BenchFigures {
  /** Ceiling (a) the ratios and the open-loop rate use: the higher of its two measurements in the repetition. */
  ceilingPutsPerSec: number;
  /** (a) on the freshly seeded table, before anything else ran. */
  ceilingFreshPutsPerSec: number;
  /** (a) again after the start spike, on the table the save phases write to, just before them. */
  ceilingAfterSpikePutsPerSec: number;
  /** Server process CPU per put in the (a) measurement used (dynalite's thread; the API thread is idle). */
  ceilingServerCpuUsPerPut: number;
  sdkPutsPerSec: number;
  bareHonoReqPerSec: number;
  saturationSavesPerSec: number;
  saturationRatio: number;
  openLoopRatePerSec: number;
  openLoopP99Ms: number;
  /** The same phase split (not goals): each candidate's first save (cold attempt cache), and every save after. */
  openLoopFirstRoundP99Ms: number;
  openLoopAfterFirstRoundP99Ms: number;
  startSpikeCandidates: number;
  startSpikeSeconds: number;
  /** Candidates started per second as a fraction of ceiling (a); goal ≥ 0.1. */
  startSpikeRatio: number;
  /** Server process CPU (all threads, store included) per save (saturation) and per start (spike), µs. */
  serverCpuUsPerSave: number;
  serverCpuUsPerStart: number;
  errors: number;
  acknowledgedMissing: number;
  costPerCandidateExamUsd: number;
  serverPeakRssMb: number;
  /**
   * The most CPU all other processes on the machine used, in cores, during any measured window of the
   * repetition (ceilings (a) and the three exam-day phases); ≈ 0 on a quiet machine.
   */
  othersCoresMax: number;
}

/** One measurement of ceiling (a) and what the machine did meanwhile. */
export interface CeilingMeasure extends ThroughputResult {
  /** Server process CPU (all threads) per put, µs. */
  serverCpuUsPerPut: number;
  /** CPU other processes on the machine used meanwhile, cores (undefined without /proc). */
  othersCores: number | undefined;
}

export interface BenchReport {
  figures: BenchFigures;
  machine: { date: string; cpu: string; cores: number; node: string; platform: string };
  options: BenchOptions;
  ceilings: {
    /** (a) fresh (seeded table, first thing measured) and after the spike; figures.ceilingPutsPerSec is the higher. */
    raw: CeilingMeasure;
    rawAfterSpike: CeilingMeasure;
    sdk: ThroughputResult;
    bare: ThroughputResult;
  };
  /** CPU other processes on the machine used during each exam-day phase, cores. */
  othersCores: { max: number; spike?: number; openLoop?: number; saturation?: number };
  spike: SpikeResult;
  saturation: SaturationResult & { serverCpuUsPerSave: number };
  openLoop: OpenLoopResult;
  exam: ExamResult;
  perCandidateExam: ExamCounts;
  cost: CostBreakdown;
  prices: typeof PRICES;
  lambdaMemoryMb: number;
  readBack: { attempts: number; acknowledged: number; missing: number; mismatchSamples: string[] };
  errorSamples: string[];
  serverRssMb: number;
  loadgenPeakRssMb?: number;
  seconds: number;
}

const serverEntry = new URL('./server-process.ts', import.meta.url);
const loadgenEntry = new URL('./loadgen-process.ts', import.meta.url);

const sameContent = (acked: AckedStep, stored: Record<string, unknown>): boolean => {
  if (stored.type !== acked.type || stored.itemId !== acked.itemId || stored.rejected !== undefined)
    return false;
  return acked.type === 'answered' ? stored.choice === acked.choice : stored.flagged === acked.flagged;
};

/** Reads every attempt's step log back from the store and checks every acknowledged (attempt, seq). */
const readBack = async (
  ready: ServerReady,
  acked: AckedResult['acked'],
): Promise<BenchReport['readBack']> => {
  const store = createStore(ready.storeConfig);
  // Acked steps carry wire ids; the log keeps bank ids: map through the attempt's form (docs/exam-engine.md).
  const content = createContentCache(store, Date.now);
  const ids = Object.keys(acked);
  let acknowledged = 0;
  let missing = 0;
  const mismatchSamples: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const steps = await store.attempts.readSteps(id);
        const meta = await store.attempts.get(id, true);
        const exam = meta && (await content.exam(meta.examId, meta.bankSnapshots));
        const wire = meta && exam ? content.wire(id, exam, meta.seed) : undefined;
        const toBank = (a: AckedStep): AckedStep => {
          const w = wire?.byWire.get(a.itemId);
          if (!w) return a;
          if (a.type !== 'answered' || a.choice === null) return { ...a, itemId: w.itemId };
          return { ...a, itemId: w.itemId, choice: w.toBank.get(a.choice) ?? a.choice };
        };
        const bySeq = new Map<number, Record<string, unknown>>();
        for (const s of steps) {
          const r = s as unknown as Record<string, unknown>;
          if (typeof r.clientSeq === 'number') bySeq.set(r.clientSeq, r);
        }
        for (const a of acked[id]!) {
          acknowledged++;
          const stored = bySeq.get(a.seq);
          if (!stored || !sameContent(toBank(a), stored)) {
            missing++;
            if (mismatchSamples.length < 5)
              mismatchSamples.push(
                `${id}#${a.seq}: acked ${JSON.stringify(a)} stored ${JSON.stringify(stored)}`,
              );
          }
        }
      }
    }),
  );
  return { attempts: ids.length, acknowledged, missing, mismatchSamples };
};

const expect = <T extends LoadResult>(r: LoadResult, type: T['type']): T => {
  if (r.type === 'error') throw new Error(`load generator: ${r.message}`);
  if (r.type !== type) throw new Error(`load generator answered ${r.type}, expected ${type}`);
  return r as T;
};

const round = (x: number, d = 0): number => Math.round(x * 10 ** d) / 10 ** d;

export const runBench = async (opts: BenchOptions): Promise<BenchReport> => {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const seeded = opts.spikeCandidates + opts.examCandidates;
  if (opts.saturationCandidates + opts.openLoopCandidates > opts.spikeCandidates)
    throw new Error('saturation + open-loop candidates must come from the started (spike) candidates');

  log(`starting server (seeding ${seeded} candidates)…`);
  const server = new Child<ServerRequest, ServerReady | ServerStats | ServerProfiled | ServerEvents>(
    serverEntry,
    {
      env: { BENCH_CANDIDATES: String(seeded) },
      // Whole-run profile of every thread unless BENCH_PROFILE_PHASE asks for named phases of the API thread only;
      // BENCH_SERVER_ARGS adds Node flags (e.g. --trace-gc), like BENCH_LOADGEN_ARGS for the load generator.
      execArgv: [
        ...(opts.profileDir && !process.env.BENCH_PROFILE_PHASE
          ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`]
          : []),
        ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []),
      ],
    },
  );
  const loadgen = new Child<LoadTask, LoadResult>(loadgenEntry, {
    execArgv: process.env.BENCH_LOADGEN_ARGS?.split(' ').filter(Boolean) ?? [],
  });
  try {
    const ready = (await server.ready()) as ServerReady;
    await loadgen.ready();
    const stats = async (reset = false) => (await server.request({ type: 'stats', reset })) as ServerStats;
    const gen = (t: LoadTask) => loadgen.request(t);
    /** Profiles the API thread during one phase when BENCH_PROFILE_PHASE names it (spike, openLoop, saturation). */
    const profiled = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
      if (!opts.profileDir || !process.env.BENCH_PROFILE_PHASE?.split(',').includes(phase)) return run();
      await server.request({ type: 'profile', action: 'start' });
      const out = await run();
      await server.request({
        type: 'profile',
        action: 'stop',
        file: `${opts.profileDir}/${phase}.cpuprofile`,
      });
      log(`profile of the API thread: ${opts.profileDir}/${phase}.cpuprofile`);
      return out;
    };
    expect(
      await gen({
        type: 'init',
        url: ready.url,
        bareUrl: ready.bareUrl,
        storeConfig: ready.storeConfig,
        candidates: ready.candidates,
      }),
      'ok',
    );
    log(`server ${ready.url}, store ${ready.storeConfig.dynamoEndpoint}`);

    const pids = [server.proc.pid!, loadgen.proc.pid!];
    /** Runs a phase inside a CPU window over the server and load generator (what else ran meanwhile). */
    const watched = async <T>(run: () => Promise<T>): Promise<[T, CpuWindow]> => {
      const done = cpuWindow(pids);
      const out = await run();
      return [out, done()];
    };
    const others = (w: CpuWindow) =>
      w.othersCores === undefined ? '' : `; other processes ${w.othersCores} cores`;
    /**
     * Ceiling (a), measured twice per repetition (fresh, then after the spike): a ratio to one (a) taken while
     * the shared machine was briefly busier would flatter every goal, and the higher of two cannot be low by
     * chance unless both are. Server CPU per put shows whether the store itself got slower or the machine did.
     */
    const ceilingA = async (label: string): Promise<CeilingMeasure> => {
      const s0 = await stats();
      const [r, w] = await watched(() =>
        gen({ type: 'rawPut', seconds: opts.ceilingSeconds, connections: opts.ceilingConnections }),
      );
      const s1 = await stats();
      const raw = expect<ThroughputResult>(r, 'throughput');
      const serverCpuUsPerPut = round(
        (s1.cpuUserUs + s1.cpuSystemUs - s0.cpuUserUs - s0.cpuSystemUs) / Math.max(1, raw.total),
      );
      log(
        `(a) raw conditional PutItem, ${label}: ${round(raw.perSec)}/s (errors ${raw.errors}); server CPU ${serverCpuUsPerPut} µs per put${others(w)}`,
      );
      return { ...raw, serverCpuUsPerPut, othersCores: w.othersCores };
    };

    // 1. Ceilings.
    const raw = await ceilingA('fresh seeded table');
    const sdk = expect<ThroughputResult>(
      await gen({ type: 'sdkPut', seconds: opts.ceilingSeconds, concurrency: opts.ceilingConnections }),
      'throughput',
    );
    log(`(b) store client conditional PutItem: ${round(sdk.perSec)}/s (errors ${sdk.errors})`);
    const bare = expect<ThroughputResult>(
      await gen({ type: 'bare', seconds: opts.ceilingSeconds, connections: opts.ceilingConnections }),
      'throughput',
    );
    log(`(c) bare Hono route: ${round(bare.perSec)} req/s (errors ${bare.errors})`);

    // 2. Start spike (server CPU around it: login + start, which answers with the form, per candidate).
    const beforeSpike = await stats();
    const [spikeOut, spikeCpu] = await watched(() =>
      profiled('spike', () =>
        gen({
          type: 'spike',
          from: 0,
          count: opts.spikeCandidates,
          spreadMs: opts.spikeSpreadMs,
          connections: opts.connections,
        }),
      ),
    );
    const spike = expect<SpikeResult>(spikeOut, 'spike');
    const afterSpike = await stats();
    const serverCpuUsPerStart =
      (afterSpike.cpuUserUs + afterSpike.cpuSystemUs - beforeSpike.cpuUserUs - beforeSpike.cpuSystemUs) /
      opts.spikeCandidates;
    const perStart = (f: (s: ServerStats) => number) =>
      (f(afterSpike) - f(beforeSpike)) / opts.spikeCandidates;
    log(
      `start spike per candidate: server CPU ${round(serverCpuUsPerStart)} µs (API thread ${round(perStart((s) => s.apiThreadCpuUs))} µs), store requests ${round(
        perStart((s) => s.units.requests),
        2,
      )} (items read ${round(
        perStart((s) => s.units.reads),
        2,
      )}, written ${round(
        perStart((s) => s.units.writes),
        2,
      )}); load generator CPU ${round((spikeCpu.ownUs[1] ?? 0) / opts.spikeCandidates)} µs`,
    );
    log(
      `start spike: ${opts.spikeCandidates} candidates hold their form after ${round(spike.seconds, 2)} s; p50 ${spike.latency.p50} p95 ${spike.latency.p95} p99 ${spike.latency.p99} ms; errors ${spike.errors}${spike.errors ? ` (${spike.errorSamples.join(' | ')})` : ''}${others(spikeCpu)}`,
    );

    // (a) again, on the table the save phases write to; the higher of the two is the ceiling from here on.
    log(
      `start spike, completed per ${spike.curve.bucketMs} ms: logins ${spike.curve.logins.join(' ')}; starts ${spike.curve.starts.join(' ')}`,
    );
    const rawAfterSpike = await ceilingA('after the spike');
    const ceiling = Math.max(raw.perSec, rawAfterSpike.perSec);
    const used = raw.perSec >= rawAfterSpike.perSec ? raw : rawAfterSpike;

    // 4. Open loop at a fraction of (a) (before saturation, whose candidates submit at the end).
    const rate = Math.max(1, Math.round(ceiling * opts.openLoopFraction));
    const warmFrom = opts.saturationCandidates + opts.openLoopCandidates;
    const warmCount = Math.min(opts.openLoopCandidates, opts.spikeCandidates - warmFrom);
    if (opts.openLoopWarmSeconds > 0 && warmCount > 0) {
      const warm = expect<OpenLoopResult>(
        await gen({
          type: 'openLoop',
          from: warmFrom,
          count: warmCount,
          seconds: opts.openLoopWarmSeconds,
          ratePerSec: rate,
          connections: opts.connections,
        }),
        'openLoop',
      );
      await new Promise((r) => setTimeout(r, opts.openLoopWarmSeconds * 1000));
      log(
        `open loop warm-up: ${warm.latency.count} saves by ${warmCount} other candidates in ${opts.openLoopWarmSeconds} s (p99 ${warm.latency.p99} ms, not counted), then ${opts.openLoopWarmSeconds} s quiet`,
      );
    }
    const beforeOpen = await stats();
    const openFrom = Date.now();
    const [openOut, openCpu] = await watched(() =>
      profiled('openLoop', () =>
        gen({
          type: 'openLoop',
          from: opts.saturationCandidates,
          count: opts.openLoopCandidates,
          seconds: opts.openLoopSeconds,
          ratePerSec: rate,
          connections: opts.connections,
        }),
      ),
    );
    const openLoop = expect<OpenLoopResult>(openOut, 'openLoop');
    const afterOpen = await stats();
    const { events } = (await server.request({ type: 'events' })) as ServerEvents;
    const loadgenGc = openLoop.loadgenGc.map(([at, what, ms]): ServerEvent => [at, `loadgen ${what}`, ms]);
    log(
      `open loop events (s from start: GC ≥ 10 ms and event loop ≥ 50 ms late on the API thread, 'store …' on dynalite's thread, load generator GC, LevelDB flush/compaction): ${
        describeEvents([...events, ...loadgenGc], openFrom, Date.now()) || 'none'
      }`,
    );
    log(
      `open loop late windows (s from start: saves, slowest ms, latest send after schedule ms): ${
        openLoop.lateWindows.map(([at, n, max, lag]) => `${at}: ${n}, ${max}, ${lag}`).join('; ') ||
        'none over 50 ms'
      }`,
    );
    // CPU per save without the saturation phase's submits: the figure to compare between runs (load-insensitive).
    const perSave = (f: (s: ServerStats) => number) =>
      (f(afterOpen) - f(beforeOpen)) / Math.max(1, openLoop.latency.count);
    log(
      `open loop per save: server CPU ${round(perSave((s) => s.cpuUserUs + s.cpuSystemUs))} µs (API thread ${round(perSave((s) => s.apiThreadCpuUs))} µs), store requests ${round(
        perSave((s) => s.units.requests),
        2,
      )}; load generator CPU ${round((openCpu.ownUs[1] ?? 0) / Math.max(1, openLoop.latency.count))} µs (GC: ${openLoop.loadgenGcTotal.pauses} pauses, ${openLoop.loadgenGcTotal.ms} ms in the phase)`,
    );
    log(
      `open loop ${rate}/s: p50 ${openLoop.latency.p50} p95 ${openLoop.latency.p95} p99 ${openLoop.latency.p99} max ${openLoop.latency.max} ms; errors ${openLoop.errors}${openLoop.errors ? ` (${openLoop.errorSamples.join(' | ')})` : ''}${others(openCpu)}`,
    );
    log(
      `open loop split: first round (each candidate's first save, cold attempt cache) ${openLoop.firstRound.count} saves p50 ${openLoop.firstRound.p50} p99 ${openLoop.firstRound.p99} ms; after it ${openLoop.afterFirstRound.count} saves p50 ${openLoop.afterFirstRound.p50} p99 ${openLoop.afterFirstRound.p99} ms`,
    );

    // 3. Saturation (closed loop), then submit.
    const before = await stats();
    const [satOut, satCpu] = await watched(() =>
      profiled('saturation', () =>
        gen({
          type: 'saturation',
          from: 0,
          count: opts.saturationCandidates,
          seconds: opts.saturationSeconds,
          connections: opts.connections,
          submit: true,
        }),
      ),
    );
    const sat = expect<SaturationResult>(satOut, 'saturation');
    const after = await stats();
    const serverCpuUsPerSave =
      sat.saves > 0
        ? (after.cpuUserUs + after.cpuSystemUs - before.cpuUserUs - before.cpuSystemUs) / sat.saves
        : 0;
    log(
      `saturation: ${round(sat.savesPerSec)} saves/s = ${round(sat.savesPerSec / ceiling, 3)} × (a); p50 ${sat.latency.p50} p99 ${sat.latency.p99} ms; submitted ${sat.submitted}; errors ${sat.errors}${others(satCpu)}`,
    );

    // 5. Whole candidate-exams: requests, units, bytes, durations.
    await stats(true);
    const exam = expect<ExamResult>(
      await gen({
        type: 'exam',
        from: opts.spikeCandidates,
        count: opts.examCandidates,
        items: opts.examItems,
        savesPerItem: opts.savesPerItem,
      }),
      'exam',
    );
    const units = (await stats()).units;
    const n = Math.max(1, opts.examCandidates);
    const lambdaMs = (Object.keys(exam.meanMs) as Array<keyof ExamResult['meanMs']>).reduce(
      (s, k) => s + Math.ceil(exam.meanMs[k]) * exam.countsByKind[k],
      0,
    );
    const perCandidateExam: ExamCounts = {
      requests: exam.requests / n,
      writeUnits: units.writeUnits / n,
      readUnits: units.readUnits / n,
      bytesToServer: exam.bytesOut / n,
      bytesFromServer: exam.bytesIn / n,
      lambdaMs: lambdaMs / n,
      // META on start and on submit (GSI1), RESULT on submit (GSI2): small items, 1 WRU each.
      gsiWriteUnits: 3,
      s3Puts: 0,
    };
    const cost = costPerCandidateExam(perCandidateExam);
    log(
      `candidate-exam: ${round(perCandidateExam.requests, 1)} requests, ${round(perCandidateExam.writeUnits, 1)} WRU, ${round(perCandidateExam.readUnits, 1)} RRU, $${cost.total.toFixed(6)}`,
    );

    // Read back every acknowledged save.
    const acked = expect<AckedResult>(await gen({ type: 'acked' }), 'acked');
    const back = await readBack(ready, acked.acked);
    log(
      `read back: ${back.acknowledged} acknowledged steps in ${back.attempts} attempts, ${back.missing} missing`,
    );

    const final = await stats();
    const othersCoresMax = Math.max(
      0,
      ...[raw, rawAfterSpike, spikeCpu, openCpu, satCpu]
        .map((w) => w.othersCores)
        .filter((x): x is number => x !== undefined),
    );
    const errors =
      raw.errors +
      rawAfterSpike.errors +
      sdk.errors +
      bare.errors +
      spike.errors +
      openLoop.errors +
      sat.errors +
      exam.errors;
    const figures: BenchFigures = {
      ceilingPutsPerSec: round(ceiling),
      ceilingFreshPutsPerSec: round(raw.perSec),
      ceilingAfterSpikePutsPerSec: round(rawAfterSpike.perSec),
      ceilingServerCpuUsPerPut: used.serverCpuUsPerPut,
      sdkPutsPerSec: round(sdk.perSec),
      bareHonoReqPerSec: round(bare.perSec),
      saturationSavesPerSec: round(sat.savesPerSec),
      saturationRatio: round(sat.savesPerSec / ceiling, 3),
      openLoopRatePerSec: rate,
      openLoopP99Ms: openLoop.latency.p99,
      openLoopFirstRoundP99Ms: openLoop.firstRound.p99,
      openLoopAfterFirstRoundP99Ms: openLoop.afterFirstRound.p99,
      startSpikeCandidates: opts.spikeCandidates,
      startSpikeSeconds: round(spike.seconds, 2),
      startSpikeRatio: round(opts.spikeCandidates / spike.seconds / ceiling, 3),
      serverCpuUsPerSave: round(serverCpuUsPerSave),
      serverCpuUsPerStart: round(serverCpuUsPerStart),
      errors,
      acknowledgedMissing: back.missing,
      costPerCandidateExamUsd: round(cost.total, 7),
      serverPeakRssMb: final.peakRssMb,
      othersCoresMax,
    };
    const cpu = cpus();
    return {
      figures,
      machine: {
        date: new Date().toISOString(),
        cpu: cpu[0]?.model ?? 'unknown',
        cores: cpu.length,
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      options: opts,
      ceilings: { raw, rawAfterSpike, sdk, bare },
      othersCores: {
        max: othersCoresMax,
        spike: spikeCpu.othersCores,
        openLoop: openCpu.othersCores,
        saturation: satCpu.othersCores,
      },
      spike,
      saturation: { ...sat, serverCpuUsPerSave: round(serverCpuUsPerSave) },
      openLoop,
      exam,
      perCandidateExam,
      cost,
      prices: PRICES,
      lambdaMemoryMb: LAMBDA_MEMORY_MB,
      readBack: back,
      errorSamples: [
        ...spike.errorSamples,
        ...openLoop.errorSamples,
        ...sat.errorSamples,
        ...exam.errorSamples,
      ].slice(0, 10),
      serverRssMb: final.rssMb,
      seconds: round((Date.now() - t0) / 1000, 1),
    };
  } finally {
    await loadgen.stop({ type: 'stop' });
    await server.stop({ type: 'stop' });
  }
};
