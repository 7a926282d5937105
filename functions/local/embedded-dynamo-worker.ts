// Worker thread running dynalite, so the store never shares the API's event loop (DESIGN.md: Local runtime).
import type { AddressInfo } from 'node:net';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

export interface DynamoWorkerData {
  /** LevelDB directory; undefined = in-memory. */
  path?: string;
  port: number;
  host: string;
  /**
   * Diagnostics (undefined = none): post this thread's GC pauses of at least `gcMs` and the times its event loop
   * came back at least `lateMs` late (a 20 ms timer: the thread was busy or paused that long).
   */
  report?: { gcMs: number; lateMs: number };
}

export type DynamoWorkerMessage =
  | { type: 'listening'; port: number }
  | { type: 'closed'; error?: string }
  | { type: 'error'; error: string }
  | { type: 'pause'; pause: StorePause };

/** The store's thread stalled: epoch ms when it began, what (a GC of V8's kind, or a late event loop), how long. */
export interface StorePause {
  at: number;
  what: 'gc minor' | 'gc major' | 'gc incremental' | 'gc weak' | 'gc other' | 'loop late';
  ms: number;
}

const GC_KINDS: Record<number, StorePause['what']> = {
  1: 'gc minor',
  2: 'gc major',
  4: 'gc incremental',
  8: 'gc weak',
};

const data = workerData as DynamoWorkerData;
const port = parentPort;
if (!port) throw new Error('embedded-dynamo-worker must run as a worker thread');

const post = (m: DynamoWorkerMessage): void => port.postMessage(m);

if (data.report) {
  const { gcMs, lateMs } = data.report;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < gcMs) continue;
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      post({
        type: 'pause',
        pause: {
          at: performance.timeOrigin + e.startTime,
          what: GC_KINDS[kind] ?? 'gc other',
          ms: e.duration,
        },
      });
    }
  }).observe({ entryTypes: ['gc'] });
  const TICK = 20;
  let last = performance.now();
  setInterval(() => {
    const t = performance.now();
    const late = t - last - TICK;
    if (late >= lateMs)
      post({
        type: 'pause',
        pause: { at: performance.timeOrigin + last + TICK, what: 'loop late', ms: late },
      });
    last = t;
  }, TICK).unref();
}

const server = dynalite({ path: data.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.keepAliveTimeout = 30_000;
server.on('error', (e: Error) => post({ type: 'error', error: e.message }));
server.listen(data.port, data.host, () => {
  post({ type: 'listening', port: (server.address() as AddressInfo).port });
});

port.on('message', (m: unknown) => {
  if (m !== 'stop') return;
  // Idle keep-alive sockets would hold close() open; in-flight requests are let finish for a moment.
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 2_000);
  // dynalite's close() stops the listener, waits for pending operations and closes LevelDB (flush).
  server.close((err?: Error) => {
    clearTimeout(force);
    post(err ? { type: 'closed', error: err.message } : { type: 'closed' });
    port.close();
  });
});
