// HTTP client of the load generator: a fixed pool of keep-alive connections (http1.ts) that counts wire bytes.
import { performance } from 'node:perf_hooks';
import { Http1Pool } from './http1.ts';
import type { PhaseCounts } from './protocol.ts';

export interface CallResult {
  status: number;
  json: unknown;
  /** The body's bytes, not decoded (when the call asked for `raw`). */
  bytes?: Buffer;
  ms: number;
}

/** What every request carries, as the exam page's fetch wrapper sends it (web/api/client.ts). */
const PAGE_HEADERS = 'accept: application/json\r\naccept-language: id\r\n';
const JSON_BODY = 'content-type: application/json\r\n';

const EMPTY = Buffer.alloc(0);
const join = (chunks: Buffer[]): Buffer =>
  chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);

/** A request path for error samples: attempt ids (hex) shown as :id. */
const shown = (method: string, path: string) => `${method} ${path.replace(/[0-9a-f]{16,}/g, ':id')}`;

export class ApiClient {
  readonly pool: Http1Pool;
  readonly counts: PhaseCounts = { requests: 0, errors: 0, errorSamples: [], bytesOut: 0, bytesIn: 0 };

  private readonly connections: number;

  constructor(origin: string, connections: number) {
    this.connections = connections;
    this.pool = new Http1Pool(origin, connections, 60_000);
  }

  /** Wire bytes so far (request bytes written, response bytes read), headers included. */
  bytes(): { out: number; in: number } {
    return this.pool.bytes();
  }

  error(what: string): void {
    this.counts.errors++;
    if (this.counts.errorSamples.length < 5) this.counts.errorSamples.push(what);
  }

  /**
   * One request with the exam page's headers (JSON body, bearer token); a non-2xx status or a transport error
   * counts as an error (and is returned as status 0/xxx). The response's chunks are kept as they come, and a
   * `raw` call gets the bytes undecoded (the start's ≈ 40 KB form is scanned for its ids, never made a string).
   */
  call(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; raw?: boolean } = {},
  ): Promise<CallResult> {
    let headers = PAGE_HEADERS;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers += JSON_BODY;
    }
    if (opts.token) headers += `authorization: Bearer ${opts.token}\r\n`;
    const t0 = performance.now();
    this.counts.requests++;
    return new Promise<CallResult>((resolve) => {
      this.pool.request(method, path, headers, body, (err, status, chunks) => {
        const ms = performance.now() - t0;
        if (err) {
          this.error(`${shown(method, path)} -> ${err.message}`);
          resolve({ status: 0, json: undefined, ms });
          return;
        }
        const bytes = join(chunks);
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
      });
    });
  }

  /**
   * Opens every connection of the pool (one request per connection, all at once), so that a measured phase
   * starts on open keep-alive connections; its requests are not counted.
   */
  async warm(path: string): Promise<void> {
    await Promise.all(
      Array.from(
        { length: this.connections },
        () =>
          new Promise<void>((resolve, reject) =>
            this.pool.request('GET', path, '', undefined, (err) => (err ? reject(err) : resolve())),
          ),
      ),
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
