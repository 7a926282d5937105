// Messages between the benchmark runner and its child processes (server, load generator), over fork IPC.
import type { LocalPlatform } from '../../functions/local/server.ts';
import type { StoreConfig, UnitsSnapshot } from '../../functions/store/index.ts';
import type { GcTotals, ServerEvent } from './server-events.ts';
import type { LatencySummary } from './stats.ts';

export type DemoCandidate = LocalPlatform['demo']['candidates'][number];

export interface ServerReady {
  type: 'ready';
  url: string;
  /** A bare Hono route on @hono/node-server in the same process: ceiling (c). */
  bareUrl: string;
  storeConfig: StoreConfig;
  candidates: DemoCandidate[];
}

export interface ServerProfiled {
  type: 'profiled';
}

/** API-thread GC pauses ≥ 10 ms and the store's LevelDB flushes/compactions so far ([epoch ms, what, ms]). */
export interface ServerEvents {
  type: 'events';
  events: ServerEvent[];
}

export interface ServerStats {
  type: 'stats';
  units: UnitsSnapshot;
  rssMb: number;
  peakRssMb: number;
  /** CPU time of the whole server process (API + store thread), µs. */
  cpuUserUs: number;
  cpuSystemUs: number;
  /** CPU time of the API (main) thread alone, user + system, µs. */
  apiThreadCpuUs: number;
}

export type ServerRequest =
  | { type: 'stats'; reset?: boolean }
  | { type: 'profile'; action: 'start' | 'stop'; file?: string }
  | { type: 'events' }
  | { type: 'stop' };

/** One acknowledged step, as the load generator saw it acknowledged. */
export type AckedStep =
  | { seq: number; type: 'answered'; itemId: string; choice: string | null }
  | { seq: number; type: 'flagged'; itemId: string; flagged: boolean };

export interface PhaseCounts {
  requests: number;
  errors: number;
  /** First few error descriptions, for the report. */
  errorSamples: string[];
  bytesOut: number;
  bytesIn: number;
}

export type LoadTask =
  | { type: 'init'; url: string; bareUrl: string; storeConfig: StoreConfig; candidates: DemoCandidate[] }
  | { type: 'rawPut'; seconds: number; connections: number }
  | { type: 'sdkPut'; seconds: number; concurrency: number }
  | { type: 'bare'; seconds: number; connections: number }
  | { type: 'spike'; from: number; count: number; spreadMs: number; connections: number }
  | { type: 'saturation'; from: number; count: number; seconds: number; connections: number; submit: boolean }
  | {
      type: 'openLoop';
      from: number;
      count: number;
      seconds: number;
      ratePerSec: number;
      connections: number;
    }
  | { type: 'exam'; from: number; count: number; items: number; savesPerItem: number }
  | { type: 'acked' }
  | { type: 'stop' };

export interface ThroughputResult {
  type: 'throughput';
  perSec: number;
  total: number;
  errors: number;
  seconds: number;
}

export interface SpikeResult extends PhaseCounts {
  type: 'spike';
  seconds: number;
  latency: LatencySummary;
  /** Logins and starts completed per `bucketMs` from the first send time: where the phase spent its time. */
  curve: { bucketMs: number; logins: number[]; starts: number[] };
}

export interface SaturationResult extends PhaseCounts {
  type: 'saturation';
  saves: number;
  seconds: number;
  savesPerSec: number;
  latency: LatencySummary;
  submitted: number;
}

export interface OpenLoopResult extends PhaseCounts {
  type: 'openLoop';
  scheduled: number;
  seconds: number;
  achievedPerSec: number;
  latency: LatencySummary;
  /**
   * The same saves split at the end of the first round: each candidate's first save of the phase (its attempt
   * cache entry is cold and the room monitor's first progress write rides on it) and every save after. Printed
   * beside the phase's p99, which stays the goal's figure.
   */
  firstRound: LatencySummary;
  afterFirstRound: LatencySummary;
  /**
   * Where the tail sits: the 250 ms windows of scheduled send times whose slowest save took over 50 ms, as
   * [seconds from the phase start, saves in the window, slowest ms, latest send in ms after its scheduled
   * time (the load generator's own delay)], at most 40 (the slowest kept).
   */
  lateWindows: Array<[number, number, number, number]>;
  /** The load generator's own GC pauses ≥ 10 ms during the phase ([epoch ms, what, ms]): they delay sends. */
  loadgenGc: ServerEvent[];
  /** Every GC pause of the load generator during the phase: how many, total ms. */
  loadgenGcTotal: GcTotals;
}

export interface ExamResult extends PhaseCounts {
  type: 'exam';
  candidates: number;
  saves: number;
  /** Mean wall time per request kind, ms (the Lambda duration estimate). */
  meanMs: Record<'login' | 'start' | 'save' | 'submit', number>;
  countsByKind: Record<'login' | 'start' | 'save' | 'submit', number>;
}

export interface AckedResult {
  type: 'acked';
  /** attemptId -> steps acknowledged to the load generator. */
  acked: Record<string, AckedStep[]>;
}

export type LoadResult =
  | { type: 'ok' }
  | { type: 'error'; message: string }
  | ThroughputResult
  | SpikeResult
  | SaturationResult
  | OpenLoopResult
  | ExamResult
  | AckedResult;
