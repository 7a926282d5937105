// The body limit decides from the headers when they tell the length, and opens no body stream to do it.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from '../../../functions/api/middleware/body-limit.ts';

const MAX = 64;

const app = () => {
  const a = new Hono();
  a.use(limitBody(MAX, (c) => c.json({ error: 'too large' }, 413)));
  a.all('/x', async (c) => c.json({ got: c.req.method === 'GET' ? null : await c.req.text() }));
  return a;
};

/** A request whose `body` getter is counted: each read of it is what makes a server build a body stream. */
const counted = (req: Request) => {
  const reads = { body: 0 };
  const proxy = new Proxy(req, {
    get(target, key) {
      if (key === 'body') reads.body++;
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { proxy, reads };
};

describe('limitBody', () => {
  it('a Content-Length within the limit passes without the body being opened; the handler reads it whole', async () => {
    const body = JSON.stringify({ a: 'x'.repeat(20) });
    const { proxy, reads } = counted(
      new Request('http://h/x', { method: 'POST', body, headers: { 'content-length': String(body.length) } }),
    );
    const res = await app().fetch(proxy);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: body });
    expect(reads.body).toBe(0);
  });

  it('a GET without a body passes without the body being looked at', async () => {
    const { proxy, reads } = counted(new Request('http://h/x'));
    const res = await app().fetch(proxy);
    expect(res.status).toBe(200);
    expect(reads.body).toBe(0);
  });

  it('a Content-Length over the limit is refused from the header alone (the handler never runs)', async () => {
    const body = 'x'.repeat(MAX + 1);
    const { proxy, reads } = counted(
      new Request('http://h/x', { method: 'POST', body, headers: { 'content-length': String(body.length) } }),
    );
    const res = await app().fetch(proxy);
    expect(res.status).toBe(413);
    expect(reads.body).toBe(0);
  });

  it.each([
    [MAX + 10, 413],
    [MAX - 10, 200],
  ])(
    'a POST of %i bytes without length headers (app.request, a gateway event) is counted -> %i',
    async (size, status) => {
      const req = new Request('http://h/x', { method: 'POST', body: 'z'.repeat(size) });
      expect(req.headers.get('content-length')).toBeNull();
      const res = await app().fetch(req);
      expect(res.status).toBe(status);
    },
  );

  it.each([
    [MAX + 10, 413],
    [MAX - 10, 200],
  ])('a chunked body of %i bytes is counted as it streams -> %i', async (size, status) => {
    const chunk = new TextEncoder().encode('y'.repeat(size / 2));
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(chunk);
        c.enqueue(chunk);
        c.close();
      },
    });
    const req = new Request('http://h/x', {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { 'transfer-encoding': 'chunked' },
    } as RequestInit);
    const res = await app().fetch(req);
    expect(res.status).toBe(status);
    if (status === 200) expect(await res.json()).toEqual({ got: 'y'.repeat(size) });
  });
});
