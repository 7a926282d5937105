// HTTP client of the load generator: an undici Pool with a bounded number of connections that counts wire bytes.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildConnector, Pool } from 'undici';
import type { PhaseCounts } from './protocol.ts';

export interface CallResult {
  status: number;
  json: unknown;
  /** The body's bytes, not decoded (when the call asked for `raw`). */
  bytes?: Buffer;
  ms: number;
}

/** What every request carries, as the exam page's fetch wrapper sends it (web/api/client.ts). */
const PAGE_HEADERS = ['accept', 'application/json', 'accept-language', 'id'] as const;

const NO_CHUNKS: Buffer[] = [];
const EMPTY = Buffer.alloc(0);
const join = (chunks: Buffer[]): Buffer => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));

/** A request path for error samples: attempt ids (hex) shown as :id. */
const shown = (method: string, path: string) => `${method} ${path.replace(/[0-9a-f]{16,}/g, ':id')}`;

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

  /**
   * One request with the exam page's headers (JSON body, bearer token); a non-2xx status or a transport error
   * counts as an error (and is returned as status 0/xxx). The pool's raw dispatch, not `request()`: the
   * response's chunks are kept as they come, without a body stream and its promise per request, and a `raw`
   * call gets the bytes undecoded (the start's ≈ 40 KB form is scanned for its ids, never made a string).
   */
  call(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; raw?: boolean } = {},
  ): Promise<CallResult> {
    const headers: string[] = [...PAGE_HEADERS];
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers.push('content-type', 'application/json');
    }
    if (opts.token) headers.push('authorization', `Bearer ${opts.token}`);
    const t0 = performance.now();
    this.counts.requests++;
    return new Promise<CallResult>((resolve) => {
      let status = 0;
      let chunks = NO_CHUNKS;
      this.pool.dispatch(
        { method: method as 'GET', path, headers, body },
        {
          onRequestStart() {},
          onResponseStart(_c, statusCode) {
            status = statusCode;
          },
          onResponseData(_c, chunk) {
            if (chunks === NO_CHUNKS) chunks = [chunk];
            else chunks.push(chunk);
          },
          onResponseEnd: () => {
            const ms = performance.now() - t0;
            const bytes = chunks.length ? join(chunks) : EMPTY;
            const ok = status >= 200 && status < 300;
            if (!ok) this.error(`${shown(method, path)} -> ${status} ${bytes.toString('utf8', 0, 160)}`);
            if (opts.raw) {
              resolve({ status, json: undefined, bytes, ms });
              return;
            }
            let json: unknown;
            try {
              json = bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
            } catch (e) {
              if (ok) this.error(`${shown(method, path)} -> ${status}, not JSON: ${(e as Error).message}`);
            }
            resolve({ status, json, ms });
          },
          onResponseError: (_c, e) => {
            this.error(`${shown(method, path)} -> ${e.message}`);
            resolve({ status: 0, json: undefined, ms: performance.now() - t0 });
          },
        },
      );
    });
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
