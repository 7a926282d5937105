// A stoppable HTTP front for the local platform: the browser talks to it, so an e2e can take "the server"
// away (connections refused, as on a real outage; Playwright's setOffline does not reach service workers)
// and bring it back on the same origin while the platform and its in-memory store keep running.
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface Front {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function stoppableFront(target: string): Promise<Front> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const up = request(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        up.on('error', () => res.destroy());
        req.pipe(up);
      });
      s.on('connection', (c) => {
        sockets.add(c);
        c.on('close', () => sockets.delete(c));
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        for (const c of sockets) c.destroy();
        s.close(() => resolve());
      }),
    start: listen,
  };
}
