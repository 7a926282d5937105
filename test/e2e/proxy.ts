// A stoppable HTTP front for the local platform: the browser talks to it, so an e2e can take "the server"
// away (connections refused, as on a real outage; Playwright's setOffline does not reach service workers)
// and bring it back on the same origin while the platform and its in-memory store keep running.
import { createServer, request, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

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
      // WebSocket upgrades (the push channel at /ws) pass through as raw bytes; stop() cuts them too.
      s.on('upgrade', (req, client: Socket, head: Buffer) => {
        const up = connect(Number(to.port), to.hostname, () => {
          const lines = [`${req.method} ${req.url} HTTP/1.1`];
          for (let i = 0; i < req.rawHeaders.length; i += 2)
            lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
          up.write(`${lines.join('\r\n')}\r\n\r\n`);
          if (head.length) up.write(head);
          up.pipe(client);
          client.pipe(up);
        });
        up.on('error', () => client.destroy());
        client.on('error', () => up.destroy());
        client.on('close', () => up.destroy());
        up.on('close', () => client.destroy());
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
