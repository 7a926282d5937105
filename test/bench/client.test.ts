// The load generator's ApiClient puts the exam page's requests on the wire byte for byte, and counts what fails.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './client.ts';

let server: Server;
let origin: string;
let host: string;
const received: string[] = [];
let answer = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}';

beforeAll(async () => {
  // A raw socket server: it sees the request bytes exactly as sent (one request per read at this size).
  server = createServer((s) =>
    s.on('data', (d: Buffer) => {
      received.push(d.toString('utf8'));
      s.write(answer);
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  host = `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  origin = `http://${host}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('ApiClient', () => {
  it("sends the exam page's method, path, headers and JSON body, and reads the JSON answer", async () => {
    const api = new ApiClient(origin, 1);
    await api.warm('/api/health');
    expect(received.at(-1)).toBe(
      `GET /api/health HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n\r\n`,
    );
    const r = await api.call('POST', '/api/candidate/login', {
      body: { regNo: 'R-1', pin: 'é1' },
      token: 'tok',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true });
    const body = '{"regNo":"R-1","pin":"é1"}';
    expect(received.at(-1)).toBe(
      `POST /api/candidate/login HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n` +
        'accept: application/json\r\naccept-language: id\r\ncontent-type: application/json\r\n' +
        `authorization: Bearer tok\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    const g = await api.call('GET', '/api/x', { token: 't2', raw: true });
    expect(g.bytes?.toString()).toBe('{"ok":true}');
    expect(received.at(-1)).toBe(
      `GET /api/x HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n` +
        'accept: application/json\r\naccept-language: id\r\nauthorization: Bearer t2\r\n\r\n',
    );
    // The warm-up is not counted; both calls are, with no error; bytes are the wire's, both ways.
    expect(api.snapshot()).toMatchObject({ requests: 2, errors: 0 });
    expect(api.bytes().out).toBe(received.slice(-3).reduce((n, s) => n + Buffer.byteLength(s), 0));
    await api.close();
  });

  it('counts a non-2xx answer and a transport error as errors, with a sample of each', async () => {
    const api = new ApiClient(origin, 1);
    answer = 'HTTP/1.1 409 Conflict\r\ncontent-length: 14\r\n\r\n{"error":"x1"}';
    const a = await api.call('PUT', '/api/attempts/0123456789abcdef0123/answers', { body: {} });
    expect(a.status).toBe(409);
    answer = 'HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"cut';
    const closing = api.call('POST', '/api/y', { body: {} });
    await new Promise((r) => setTimeout(r, 50));
    for (const s of api.pool.live) s.destroy();
    const b = await closing;
    expect(b.status).toBe(0);
    expect(api.snapshot()).toMatchObject({
      requests: 2,
      errors: 2,
      errorSamples: [
        'PUT /api/attempts/:id/answers -> 409 {"error":"x1"}',
        'POST /api/y -> socket closed mid-response',
      ],
    });
    answer = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}';
    expect((await api.call('GET', '/api/z')).json).toEqual({ ok: true });
    await api.close();
  });
});
