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
  /** Post this thread's GC pauses of at least this many ms to the parent (diagnostics; undefined = none). */
  reportGcMs?: number;
}

export type DynamoWorkerMessage =
  | { type: 'listening'; port: number }
  | { type: 'closed'; error?: string }
  | { type: 'error'; error: string }
  | { type: 'gc'; pause: StoreGcPause };

/** A GC pause on the store's thread: epoch ms when it began, V8's kind, how long. */
export interface StoreGcPause {
  at: number;
  kind: 'minor' | 'major' | 'incremental' | 'weak' | 'other';
  ms: number;
}

const GC_KINDS: Record<number, StoreGcPause['kind']> = {
  1: 'minor',
  2: 'major',
  4: 'incremental',
  8: 'weak',
};

const data = workerData as DynamoWorkerData;
const port = parentPort;
if (!port) throw new Error('embedded-dynamo-worker must run as a worker thread');

const post = (m: DynamoWorkerMessage): void => port.postMessage(m);

if (data.reportGcMs !== undefined) {
  const min = data.reportGcMs;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < min) continue;
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      post({
        type: 'gc',
        pause: { at: performance.timeOrigin + e.startTime, kind: GC_KINDS[kind] ?? 'other', ms: e.duration },
      });
    }
  }).observe({ entryTypes: ['gc'] });
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
