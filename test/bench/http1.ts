// A lean HTTP/1.1 keep-alive client for the load generator: a fixed pool of node:net connections, one request each.
import { connect, type Socket } from 'node:net';

/** Called once per request: an error (transport, protocol, close mid-response, timeout) or the status and body. */
export type Done = (err: Error | undefined, status: number, chunks: Buffer[]) => void;

interface Job {
  /** The whole request: request line, headers and body, written at once. */
  wire: string;
  done: Done;
}

const NO_CHUNKS: Buffer[] = [];
const CRLF2 = '\r\n\r\n';
const HEX = /^[0-9a-fA-F]{1,12}$/;
// Parser states.
const IDLE = 0;
const HEAD = 1;
const BODY_LENGTH = 2;
const CHUNK_SIZE = 3;
const CHUNK_DATA = 4;
const CHUNK_DATA_END = 5;
const TRAILERS = 6;
const BODY_TO_CLOSE = 7;

/** Value of a header in a lower-cased head (`\r\nname:` … `\r\n`), or undefined. */
const headerValue = (head: string, name: string): string | undefined => {
  const at = head.indexOf(`\r\n${name}:`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  const end = head.indexOf('\r\n', from);
  return head.slice(from, end < 0 ? head.length : end).trim();
};

class Connection {
  socket: Socket | undefined;
  private job: Job | undefined;
  private state = IDLE;
  private status = 0;
  private chunks = NO_CHUNKS;
  /** Bytes of the body (content-length) or of the current chunk still to come. */
  private remaining = 0;
  /** Bytes of a head, a chunk-size line or trailers split across reads. */
  private pending: Buffer | undefined;
  private closeAfter = false;
  /** Date.now() of the last progress (request sent or bytes read), for the pool's timeout sweep. */
  since = 0;

  private readonly pool: Http1Pool;

  constructor(pool: Http1Pool) {
    this.pool = pool;
  }

  get busy(): boolean {
    return this.job !== undefined;
  }

  send(job: Job): void {
    this.job = job;
    this.state = HEAD;
    this.status = 0;
    this.chunks = NO_CHUNKS;
    this.pending = undefined;
    this.closeAfter = false;
    this.since = Date.now();
    let s = this.socket;
    if (!s || s.destroyed) s = this.open();
    s.write(job.wire);
  }

  private open(): Socket {
    const s = connect({ host: this.pool.host, port: this.pool.port, noDelay: true });
    this.socket = s;
    this.pool.live.add(s);
    s.on('data', (d: Buffer) => {
      if (this.socket === s) this.onData(d);
    });
    s.on('error', (e) => {
      if (this.socket === s) this.fail(e);
    });
    s.on('close', () => {
      this.pool.closed(s);
      if (this.socket !== s) return;
      this.socket = undefined;
      if (this.state === BODY_TO_CLOSE) this.finish();
      else if (this.job) this.fail(new Error('socket closed mid-response'));
    });
    return s;
  }

  /** Fails the request in flight (if any) and drops the socket; the next request opens a new one. */
  fail(e: Error): void {
    const s = this.socket;
    this.socket = undefined;
    if (s && !s.destroyed) s.destroy();
    const job = this.job;
    this.job = undefined;
    this.state = IDLE;
    this.chunks = NO_CHUNKS;
    this.pending = undefined;
    if (job) {
      job.done(e, 0, NO_CHUNKS);
      this.pool.next(this);
    }
  }

  private finish(): void {
    const job = this.job!;
    const chunks = this.chunks;
    const status = this.status;
    this.job = undefined;
    this.state = IDLE;
    this.chunks = NO_CHUNKS;
    if (this.closeAfter && this.socket) {
      const s = this.socket;
      this.socket = undefined;
      s.destroy();
    }
    job.done(undefined, status, chunks);
    this.pool.next(this);
  }

  private keep(b: Buffer): void {
    if (this.chunks === NO_CHUNKS) this.chunks = [b];
    else this.chunks.push(b);
  }

  private onData(d: Buffer): void {
    if (!this.job) {
      this.fail(new Error('data with no request in flight'));
      return;
    }
    this.since = Date.now();
    let buf = d;
    if (this.pending) {
      buf = Buffer.concat([this.pending, d]);
      this.pending = undefined;
    }
    let i = 0;
    const n = buf.length;
    while (i < n || this.state === BODY_LENGTH) {
      switch (this.state) {
        case HEAD: {
          const end = buf.indexOf(CRLF2, i, 'latin1');
          if (end < 0) {
            this.pending = buf.subarray(i);
            return;
          }
          if (!this.head(buf.toString('latin1', i, end + 2).toLowerCase())) return;
          i = end + 4;
          break;
        }
        case BODY_LENGTH: {
          if (this.remaining === 0) {
            if (i < n) {
              this.fail(new Error('bytes after the response'));
              return;
            }
            this.finish();
            return;
          }
          const take = Math.min(this.remaining, n - i);
          this.keep(i === 0 && take === n ? buf : buf.subarray(i, i + take));
          this.remaining -= take;
          i += take;
          if (i === n && this.remaining > 0) return;
          break;
        }
        case CHUNK_SIZE: {
          const eol = buf.indexOf('\r\n', i, 'latin1');
          if (eol < 0) {
            this.pending = buf.subarray(i);
            return;
          }
          const line = buf.toString('latin1', i, eol);
          const semi = line.indexOf(';');
          const hex = semi < 0 ? line : line.slice(0, semi);
          const size = HEX.test(hex) ? Number.parseInt(hex, 16) : -1;
          if (size < 0) {
            this.fail(new Error(`bad chunk size ${JSON.stringify(line.slice(0, 20))}`));
            return;
          }
          i = eol + 2;
          if (size === 0) this.state = TRAILERS;
          else {
            this.remaining = size;
            this.state = CHUNK_DATA;
          }
          break;
        }
        case CHUNK_DATA: {
          const take = Math.min(this.remaining, n - i);
          this.keep(buf.subarray(i, i + take));
          this.remaining -= take;
          i += take;
          if (this.remaining === 0) {
            this.remaining = 2;
            this.state = CHUNK_DATA_END;
          }
          break;
        }
        case CHUNK_DATA_END: {
          // The CRLF after a chunk's data, possibly split across reads.
          const take = Math.min(this.remaining, n - i);
          i += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = CHUNK_SIZE;
          break;
        }
        case TRAILERS: {
          const eol = buf.indexOf('\r\n', i, 'latin1');
          if (eol < 0) {
            this.pending = buf.subarray(i);
            return;
          }
          const empty = eol === i;
          i = eol + 2;
          if (empty) {
            if (i < n) {
              this.fail(new Error('bytes after the response'));
              return;
            }
            this.finish();
            return;
          }
          break;
        }
        case BODY_TO_CLOSE:
          this.keep(i === 0 ? buf : buf.subarray(i));
          return;
        default:
          this.fail(new Error('unexpected state'));
          return;
      }
    }
  }

  /** Reads a lower-cased head (status line and headers, ending in CRLF); false when it failed the request. */
  private head(head: string): boolean {
    if (!head.startsWith('http/1.')) {
      this.fail(new Error(`not an HTTP/1 response: ${JSON.stringify(head.slice(0, 20))}`));
      return false;
    }
    const status = Number(head.slice(9, 12));
    if (!(status >= 100 && status < 600)) {
      this.fail(new Error(`bad status line ${JSON.stringify(head.slice(0, 40))}`));
      return false;
    }
    if (status < 200) {
      // An interim response (100 Continue, 103): its head only; the real one follows.
      return true;
    }
    this.status = status;
    const conn = headerValue(head, 'connection');
    this.closeAfter = conn !== undefined ? conn.includes('close') : head.startsWith('http/1.0');
    const te = headerValue(head, 'transfer-encoding');
    if (te?.includes('chunked')) {
      this.state = CHUNK_SIZE;
      return true;
    }
    const cl = headerValue(head, 'content-length');
    if (status === 204 || status === 304) {
      this.remaining = 0;
      this.state = BODY_LENGTH;
    } else if (cl !== undefined) {
      const len = Number(cl);
      if (!Number.isSafeInteger(len) || len < 0) {
        this.fail(new Error(`bad content-length ${JSON.stringify(cl)}`));
        return false;
      }
      this.remaining = len;
      this.state = BODY_LENGTH;
    } else {
      this.closeAfter = true;
      this.state = BODY_TO_CLOSE;
    }
    return true;
  }
}

/**
 * A fixed pool of `connections` keep-alive connections to one origin, one request at a time on each (no
 * pipelining); requests beyond that queue in order. A connection the server closes, or that fails, is replaced
 * by a new socket on its next request. A request without progress for `timeoutMs` fails (its socket dropped).
 */
export class Http1Pool {
  readonly host: string;
  readonly port: number;
  /** Sockets open now; `bytes()` adds what closed ones carried. */
  readonly live = new Set<Socket>();
  private closedOut = 0;
  private closedIn = 0;
  private readonly idle: Connection[] = [];
  private readonly all: Connection[] = [];
  private queue: Job[] = [];
  private qHead = 0;
  private readonly hostHeader: string;
  private readonly sweep: NodeJS.Timeout;
  private closing = false;

  private readonly timeoutMs: number;

  constructor(origin: string, connections: number, timeoutMs = 60_000) {
    this.timeoutMs = timeoutMs;
    const u = new URL(origin);
    if (u.protocol !== 'http:') throw new Error(`http1: only http: origins (${origin})`);
    this.host = u.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(u.port || 80);
    this.hostHeader = u.host;
    for (let k = 0; k < connections; k++) {
      const c = new Connection(this);
      this.all.push(c);
      this.idle.push(c);
    }
    this.sweep = setInterval(() => this.expire(), Math.min(1000, timeoutMs)).unref();
  }

  /**
   * Sends `method path` with `headers` (pre-formatted `name: value\r\n` lines) and a body (a string, sent as
   * UTF-8 with its content-length; none for undefined) as one write. `done` gets the body as the chunks read.
   */
  request(method: string, path: string, headers: string, body: string | undefined, done: Done): void {
    if (this.closing) {
      done(new Error('pool closed'), 0, NO_CHUNKS);
      return;
    }
    let wire = `${method} ${path} HTTP/1.1\r\nhost: ${this.hostHeader}\r\nconnection: keep-alive\r\n${headers}`;
    if (body !== undefined) wire += `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    else if (method === 'POST' || method === 'PUT' || method === 'PATCH') wire += 'content-length: 0\r\n\r\n';
    else wire += '\r\n';
    const job: Job = { wire, done };
    const c = this.idle.pop();
    if (c) c.send(job);
    else this.queue.push(job);
  }

  /** A connection is free again: it takes the oldest queued request, or waits. */
  next(c: Connection): void {
    if (this.qHead < this.queue.length) {
      const job = this.queue[this.qHead]!;
      this.queue[this.qHead++] = undefined as unknown as Job;
      if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.qHead);
        this.qHead = 0;
      }
      c.send(job);
    } else this.idle.push(c);
  }

  closed(s: Socket): void {
    this.closedOut += s.bytesWritten;
    this.closedIn += s.bytesRead;
    this.live.delete(s);
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

  private expire(): void {
    const now = Date.now();
    for (const c of this.all) {
      if (c.busy && now - c.since > this.timeoutMs) c.fail(new Error(`no answer in ${this.timeoutMs} ms`));
    }
  }

  /** Fails queued requests, closes every socket; requests in flight fail. */
  close(): Promise<void> {
    this.closing = true;
    clearInterval(this.sweep);
    const queued = this.queue.slice(this.qHead);
    this.queue = [];
    this.qHead = 0;
    for (const j of queued) j.done(new Error('pool closed'), 0, NO_CHUNKS);
    const waits: Promise<void>[] = [];
    for (const c of this.all) {
      const s = c.socket;
      if (!s || s.destroyed) continue;
      waits.push(new Promise((r) => s.once('close', () => r())));
      if (c.busy) c.fail(new Error('pool closed'));
      else {
        c.socket = undefined;
        s.destroy();
      }
    }
    return Promise.all(waits).then(() => undefined);
  }
}
