// The load generator's HTTP/1.1 client against a real node:http server: bodies, reuse, closes, errors, queueing.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http1Pool } from './http1.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  port: number;
}

let server: Server;
let origin: string;
const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
const big = Buffer.from(
  'x'.repeat(70_000).replace(/x/g, (_, i: number) => String.fromCharCode(97 + (i % 26))),
);

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/length': (_q, res, body) => {
    const b = Buffer.from(JSON.stringify({ echo: body }));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length });
    res.end(b);
  },
  '/big': (_q, res) => {
    res.writeHead(200, { 'Content-Length': big.length });
    res.end(big);
  },
  '/chunked': (_q, res) => {
    // Several writes without a length: node:http sends transfer-encoding: chunked.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"a":');
    setTimeout(() => {
      res.write(big.subarray(0, 30_000).toString('latin1').replace(/^/, '"').slice(0, 30_000));
      res.end('","b":2}');
    }, 5);
  },
  '/close': (_q, res) => {
    res.writeHead(200, { connection: 'close', 'content-length': 2 });
    res.end('{}');
  },
  '/drop': (q, res) => {
    // Headers and part of the body, then the socket goes away.
    res.writeHead(200, { 'content-length': 1000 });
    res.write('x'.repeat(100));
    setTimeout(() => q.socket.destroy(), 5);
  },
  '/hang': () => {},
  '/404': (_q, res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"code":"NOT_FOUND"}}');
  },
  '/500': (_q, res) => {
    res.writeHead(500, { 'content-length': 5 });
    res.end('oops!');
  },
  '/204': (_q, res) => {
    res.writeHead(204);
    res.end();
  },
  '/slow': (_q, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-length': 2 });
      res.end('ok');
    }, 30);
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      const url = req.url ?? '';
      seen.push({
        method: req.method ?? '',
        url,
        headers: req.headers,
        body,
        port: req.socket.remotePort ?? 0,
      });
      (routes[url.split('?')[0]!] ?? routes['/404']!)(req, res, body);
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

interface Got {
  err?: Error;
  status: number;
  body: Buffer;
}

const send = (pool: Http1Pool, method: string, path: string, headers = '', body?: string): Promise<Got> =>
  new Promise((resolve) =>
    pool.request(method, path, headers, body, (err, status, chunks) =>
      resolve({ err, status, body: Buffer.concat(chunks) }),
    ),
  );

describe('Http1Pool', () => {
  it('sends the request line, headers and body as given and reads a content-length answer', async () => {
    const pool = new Http1Pool(origin, 1);
    const headers = 'accept: application/json\r\naccept-language: id\r\ncontent-type: application/json\r\n';
    const r = await send(pool, 'POST', '/length?q=1', headers, '{"name":"Ñandú"}');
    expect(r.err).toBeUndefined();
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toEqual({ echo: '{"name":"Ñandú"}' });
    const s = seen.at(-1)!;
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/length?q=1');
    expect(s.headers).toMatchObject({
      accept: 'application/json',
      'accept-language': 'id',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength('{"name":"Ñandú"}')),
      connection: 'keep-alive',
      host: origin.slice('http://'.length),
    });
    await pool.close();
  });

  it('reads a body larger than one socket read whole, and a chunked body split across reads', async () => {
    const pool = new Http1Pool(origin, 1);
    const a = await send(pool, 'GET', '/big');
    expect(a.status).toBe(200);
    expect(a.body.equals(big)).toBe(true);
    const c = await send(pool, 'GET', '/chunked');
    expect(c.err).toBeUndefined();
    expect(JSON.parse(c.body.toString('latin1'))).toEqual({
      a: big.subarray(0, 29_999).toString('latin1'),
      b: 2,
    });
    await pool.close();
  });

  it('reuses its connection across requests (keep-alive) and counts wire bytes both ways', async () => {
    const pool = new Http1Pool(origin, 1);
    const from = seen.length;
    for (let k = 0; k < 5; k++) expect((await send(pool, 'GET', '/length')).status).toBe(200);
    const ports = new Set(seen.slice(from).map((s) => s.port));
    expect(ports.size).toBe(1);
    expect(pool.live.size).toBe(1);
    const b = pool.bytes();
    expect(b.out).toBe(
      5 * `GET /length HTTP/1.1\r\nhost: ${origin.slice(7)}\r\nconnection: keep-alive\r\n\r\n`.length,
    );
    expect(b.in).toBeGreaterThan(5 * 60);
    await pool.close();
    expect(pool.bytes()).toEqual(b);
  });

  it('hands 4xx and 5xx answers with their bodies, and 204 with none', async () => {
    const pool = new Http1Pool(origin, 1);
    const nf = await send(pool, 'GET', '/404');
    expect([nf.err, nf.status, nf.body.toString()]).toEqual([
      undefined,
      404,
      '{"error":{"code":"NOT_FOUND"}}',
    ]);
    const se = await send(pool, 'POST', '/500');
    expect([se.err, se.status, se.body.toString()]).toEqual([undefined, 500, 'oops!']);
    const nc = await send(pool, 'PUT', '/204', '', '{}');
    expect([nc.err, nc.status, nc.body.length]).toEqual([undefined, 204, 0]);
    expect((await send(pool, 'GET', '/length')).status).toBe(200);
    await pool.close();
  });

  it('replaces a connection the server closes (connection: close) and goes on', async () => {
    const pool = new Http1Pool(origin, 1);
    const from = seen.length;
    const a = await send(pool, 'GET', '/close');
    expect([a.err, a.status, a.body.toString()]).toEqual([undefined, 200, '{}']);
    const b = await send(pool, 'GET', '/length');
    expect(b.status).toBe(200);
    const [p1, p2] = seen.slice(from).map((s) => s.port);
    expect(p1).not.toBe(p2);
    await pool.close();
  });

  it('fails a request whose socket closes mid-response, then serves the next on a new connection', async () => {
    const pool = new Http1Pool(origin, 1);
    const a = await send(pool, 'GET', '/drop');
    expect(a.err?.message).toMatch(/closed mid-response|ECONNRESET/);
    expect(a.status).toBe(0);
    const b = await send(pool, 'GET', '/length');
    expect([b.err, b.status]).toEqual([undefined, 200]);
    await pool.close();
  });

  it('reads a chunked answer with extensions and trailers that arrives a few bytes per read', async () => {
    const answer =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n' +
      '5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n';
    const raw = createNetServer((s) => {
      s.setNoDelay(true);
      s.on('data', async () => {
        for (let k = 0; k < answer.length; k += 3) {
          s.write(answer.slice(k, k + 3));
          await new Promise((r) => setTimeout(r, 1));
        }
      });
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', () => r()));
    const a = raw.address();
    const pool = new Http1Pool(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, 1);
    for (let k = 0; k < 2; k++) {
      const r = await send(pool, 'GET', '/');
      expect([r.err, r.status, r.body.toString()]).toEqual([
        undefined,
        200,
        'helloabcdefghijklmnopqrstuvwxyz',
      ]);
    }
    expect(pool.live.size).toBe(1);
    await pool.close();
    await new Promise<void>((r) => raw.close(() => r()));
  });

  it('fails a request whose answer is not HTTP/1 or has a bad chunk size, and replaces the connection', async () => {
    let answer = 'SSH-2.0-x\r\n\r\n';
    const raw = createNetServer((s) => s.on('data', () => s.write(answer)));
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', () => r()));
    const a = raw.address();
    const pool = new Http1Pool(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, 1);
    expect((await send(pool, 'GET', '/')).err?.message).toMatch(/not an HTTP\/1 response/);
    answer = 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n';
    expect((await send(pool, 'GET', '/')).err?.message).toMatch(/bad chunk size/);
    answer = 'HTTP/1.1 201 Created\r\ncontent-length: 3\r\n\r\nabc';
    const ok = await send(pool, 'GET', '/');
    expect([ok.err, ok.status, ok.body.toString()]).toEqual([undefined, 201, 'abc']);
    await pool.close();
    await new Promise<void>((r) => raw.close(() => r()));
  });

  it('fails a request on a refused connection', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const a = probe.address();
    const port = typeof a === 'object' && a ? a.port : 0;
    await new Promise<void>((r) => probe.close(() => r()));
    const pool = new Http1Pool(`http://127.0.0.1:${port}`, 1);
    const r = await send(pool, 'GET', '/length');
    expect(r.err?.message).toMatch(/ECONNREFUSED/);
    await pool.close();
  });

  it('fails a request with no answer within the timeout', async () => {
    const pool = new Http1Pool(origin, 1, 200);
    const t0 = Date.now();
    const r = await send(pool, 'GET', '/hang');
    expect(r.err?.message).toMatch(/no answer in 200 ms/);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await send(pool, 'GET', '/length')).status).toBe(200);
    await pool.close();
  });

  it('queues requests beyond its N connections, in order, and never has more than N in flight', async () => {
    const pool = new Http1Pool(origin, 3);
    maxInFlight = 0;
    const from = seen.length;
    const order: number[] = [];
    const all = Array.from({ length: 12 }, (_, k) =>
      send(pool, 'GET', `/slow?k=${k}`).then((r) => {
        order.push(k);
        return r.status;
      }),
    );
    expect(await Promise.all(all)).toEqual(Array(12).fill(200));
    expect(maxInFlight).toBe(3);
    expect(new Set(seen.slice(from).map((s) => s.port)).size).toBe(3);
    // Requests leave the queue in order: each batch of three is served before any later one starts.
    const started = seen.slice(from).map((s) => Number(s.url.split('=')[1]));
    expect(started.slice(0, 3).sort()).toEqual([0, 1, 2]);
    expect(started.slice(3, 6).sort()).toEqual([3, 4, 5]);
    expect(pool.live.size).toBe(3);
    await pool.close();
  });

  it('fails queued requests when closed', async () => {
    const pool = new Http1Pool(origin, 1);
    const a = send(pool, 'GET', '/slow');
    const b = send(pool, 'GET', '/slow');
    await new Promise((r) => setTimeout(r, 5));
    await pool.close();
    expect((await a).err?.message).toBe('pool closed');
    expect((await b).err?.message).toBe('pool closed');
  });
});
