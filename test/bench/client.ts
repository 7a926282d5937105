// HTTP client of the load generator: an undici Pool with a bounded number of connections that counts wire bytes.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildConnector, Pool } from 'undici';
import type { PhaseCounts } from './protocol.ts';

export interface CallResult {
  status: number;
  json: unknown;
  /** The body as text, not parsed (when the call asked for `raw`). */
  text?: string;
  ms: number;
}

export class ApiClient {
  readonly pool: Pool;
  readonly counts: PhaseCounts = { requests: 0, errors: 0, errorSamples: [], bytesOut: 0, bytesIn: 0 };
  private readonly live = new Set<Socket>();
  private closedOut = 0;
  private closedIn = 0;

  private readonly connections: number;

  constructor(origin: string, connections: number) {
    this.connections = connections;
    const base = buildConnector({});
    this.pool = new Pool(origin, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
      connect: (opts, cb) =>
        base(opts, (...args) => {
          const socket = args[1];
          if (socket) {
            this.live.add(socket);
            socket.once('close', () => {
              this.closedOut += socket.bytesWritten;
              this.closedIn += socket.bytesRead;
              this.live.delete(socket);
            });
          }
          cb(...args);
        }),
    });
  }

  /** Wire bytes so far (request bytes written, response bytes read), headers included. */
  bytes(): { out: number; in: number } {
    let out = this.closedOut;
    let inn = this.closedIn;
    for (const s of this.live) {
      out += s.bytesWritten;
      inn += s.bytesRead;
    }
    return { out, in: inn };
  }

  error(what: string): void {
    this.counts.errors++;
    if (this.counts.errorSamples.length < 5) this.counts.errorSamples.push(what);
  }

  /** One request; a non-2xx status or a transport error counts as an error (and is returned as status 0/xxx). */
  async call(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; raw?: boolean } = {},
  ): Promise<CallResult> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const t0 = performance.now();
    this.counts.requests++;
    try {
      const res = await this.pool.request({ method: method as 'GET', path, headers, body });
      const text = await res.body.text();
      const ms = performance.now() - t0;
      const json: unknown = text && !opts.raw ? JSON.parse(text) : undefined;
      if (res.statusCode < 200 || res.statusCode >= 300)
        this.error(
          `${method} ${path.replace(/[0-9a-f]{16,}/g, ':id')} -> ${res.statusCode} ${text.slice(0, 160)}`,
        );
      return { status: res.statusCode, json, ...(opts.raw ? { text } : {}), ms };
    } catch (e) {
      this.error(`${method} ${path.replace(/[0-9a-f]{16,}/g, ':id')} -> ${(e as Error).message}`);
      return { status: 0, json: undefined, ms: performance.now() - t0 };
    }
  }

  /**
   * Opens every connection of the pool (one request per connection, all at once), so that a measured phase
   * starts on open keep-alive connections; its requests are not counted.
   */
  async warm(path: string): Promise<void> {
    await Promise.all(
      Array.from({ length: this.connections }, async () => {
        const res = await this.pool.request({ method: 'GET', path });
        await res.body.dump();
      }),
    );
  }

  /** Counts since `from` (a snapshot taken with `snapshot()`). */
  snapshot(): PhaseCounts {
    const b = this.bytes();
    return { ...this.counts, errorSamples: [...this.counts.errorSamples], bytesOut: b.out, bytesIn: b.in };
  }

  static diff(a: PhaseCounts, b: PhaseCounts): PhaseCounts {
    return {
      requests: b.requests - a.requests,
      errors: b.errors - a.errors,
      errorSamples: b.errorSamples.slice(a.errorSamples.length),
      bytesOut: b.bytesOut - a.bytesOut,
      bytesIn: b.bytesIn - a.bytesIn,
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
