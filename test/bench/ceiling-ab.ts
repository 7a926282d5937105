// Ceilings only, interleaved A/B across work trees: (a)/(b)/(c) rates plus CPU per put, so a fall in (a) can be told apart from a busier machine.
import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Child } from './children.ts';
import { cpuWindow, processCpuUs } from './machine.ts';
import type {
  LoadResult,
  LoadTask,
  ServerReady,
  ServerRequest,
  ServerStats,
  ThroughputResult,
} from './protocol.ts';

// Usage: npx tsx test/bench/ceiling-ab.ts [treeA treeB …]   (default: this tree)
// Env: BENCH_AB_ROUNDS (3), BENCH_AB_SECONDS (10), BENCH_AB_CANDIDATES (2020, the full run's seed),
// BENCH_AB_WHAT (a,b,c), BENCH_AB_CONNECTIONS (16).
const here = resolve(new URL('../..', import.meta.url).pathname);
const trees = process.argv.slice(2).map((t) => resolve(t));
if (trees.length === 0) trees.push(here);
const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_AB_SECONDS ?? 10);
const connections = Number(process.env.BENCH_AB_CONNECTIONS ?? 16);
const candidates = process.env.BENCH_AB_CANDIDATES ?? '2020';
const what = (process.env.BENCH_AB_WHAT ?? 'a,b,c').split(',');

/** The server's LevelDB directory (from its open LOCK file) and its size in KB. */
const tableKb = (pid: number): number => {
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target = '';
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (!target.endsWith('/dynamo/LOCK')) continue;
    const dir = target.slice(0, -'/LOCK'.length);
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(`${dir}/${f}`).size, 0);
    return Math.round(bytes / 1024);
  }
  return -1;
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Sample {
  tree: string;
  round: number;
  kind: string;
  perSec: number;
  errors: number;
  /** Server process CPU (all threads) per request, µs; for (a) this is dynalite's thread plus Node's helpers. */
  serverCpuUs: number;
  /** API (main) thread CPU per request, µs. */
  apiCpuUs: number;
  loadgenCpuUs: number;
  /** CPU of everything else on the machine during the window, in cores (0..2). */
  othersCores: number | undefined;
  load1: number;
}

const samples: Sample[] = [];

const measureTree = async (tree: string, round: number): Promise<void> => {
  const name = tree.split('/').pop()!;
  const server = new Child<ServerRequest, ServerReady | ServerStats>(
    pathToFileURL(`${tree}/test/bench/server-process.ts`),
    { env: { BENCH_CANDIDATES: candidates } },
  );
  const loadgen = new Child<LoadTask, LoadResult>(pathToFileURL(`${tree}/test/bench/loadgen-process.ts`));
  try {
    const ready = (await server.ready()) as ServerReady;
    await loadgen.ready();
    await loadgen.request({
      type: 'init',
      url: ready.url,
      bareUrl: ready.bareUrl,
      storeConfig: ready.storeConfig,
      candidates: ready.candidates,
    });
    const stats = async () => (await server.request({ type: 'stats' })) as ServerStats;
    // Work the server still does after 'ready' (compaction of the seed, timers) would compete with (a).
    const i0 = processCpuUs(server.proc.pid!);
    await sleep(2_000);
    const idleCores = (processCpuUs(server.proc.pid!) - i0) / 2e6;
    console.log(
      `[ceiling-ab] round ${round} ${name}: table ${tableKb(server.proc.pid!)} KB after seeding; server busy ${idleCores.toFixed(2)} cores in the 2 s after ready`,
    );
    const tasks: Record<string, LoadTask> = {
      a: { type: 'rawPut', seconds, connections },
      b: { type: 'sdkPut', seconds, concurrency: connections },
      c: { type: 'bare', seconds, connections },
    };
    // A ceiling named twice is measured twice on the same server (warm-up and table growth show as a drift).
    for (const [i, kind] of what.entries()) {
      const task = tasks[kind];
      if (!task) throw new Error(`BENCH_AB_WHAT: unknown ceiling ${kind}`);
      const s0 = await stats();
      const done = cpuWindow([server.proc.pid!, loadgen.proc.pid!]);
      const r = (await loadgen.request(task)) as ThroughputResult;
      const w = done();
      const s1 = await stats();
      const n = Math.max(1, r.total);
      samples.push({
        tree: name,
        round,
        kind:
          what.indexOf(kind) === i ? kind : `${kind}${what.slice(0, i + 1).filter((k) => k === kind).length}`,
        perSec: Math.round(r.perSec),
        errors: r.errors,
        serverCpuUs: Math.round((s1.cpuUserUs + s1.cpuSystemUs - s0.cpuUserUs - s0.cpuSystemUs) / n),
        apiCpuUs: Math.round((s1.apiThreadCpuUs - s0.apiThreadCpuUs) / n),
        loadgenCpuUs: Math.round(w.ownUs[1]! / n),
        othersCores: w.othersCores,
        load1: Math.round(loadavg()[0]! * 10) / 10,
      });
      const s = samples.at(-1)!;
      console.log(
        `[ceiling-ab] round ${round} ${name} (${s.kind}) table ${tableKb(server.proc.pid!)} KB ${s.perSec}/s err ${s.errors} | server CPU ${s.serverCpuUs} µs/req (API thread ${s.apiCpuUs}) | loadgen ${s.loadgenCpuUs} µs/req | others ${s.othersCores} cores | load ${s.load1}`,
      );
    }
  } finally {
    await loadgen.stop({ type: 'stop' } as LoadTask);
    await server.stop({ type: 'stop' });
  }
};

for (let round = 1; round <= rounds; round++) {
  // Alternate the order each round so neither tree always runs first.
  const order = round % 2 ? trees : [...trees].reverse();
  for (const tree of order) await measureTree(tree, round);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
console.log(
  '\ntree | ceiling | rate/s median (min–max) | server CPU µs/req median | loadgen µs/req | others (cores)',
);
for (const tree of trees.map((t) => t.split('/').pop()!))
  for (const kind of [...new Set(samples.map((s) => s.kind))]) {
    const xs = samples.filter((s) => s.tree === tree && s.kind === kind);
    if (xs.length === 0) continue;
    const rates = xs.map((s) => s.perSec);
    console.log(
      `${tree} | (${kind}) | ${median(rates)} (${Math.min(...rates)}–${Math.max(...rates)}) | ${median(xs.map((s) => s.serverCpuUs))} | ${median(xs.map((s) => s.loadgenCpuUs))} | ${median(xs.map((s) => s.othersCores ?? Number.NaN))}`,
    );
  }
console.log(JSON.stringify(samples));
