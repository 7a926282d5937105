// The local push channel: WebSocket upgrades at PUSH_PATH on the server's own port, and the PushTransport
// that posts to them — the local twin of the API Gateway WebSocket API (functions/handlers/push-apigw.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { PUSH_PATH } from '../schemas/candidate.ts';
import type { PushTransport, SignalPush } from '../services/push.ts';

export { PUSH_PATH };

export interface LocalPush {
  transport: PushTransport;
  /** Accepts upgrades at PUSH_PATH on `server`, registering each through `push.connect` (token in ?token=). */
  attach(server: Server, push: SignalPush): void;
  /** Open sockets (tests). */
  readonly open: number;
  close(): void;
}

const refuse = (socket: Duplex, status: string): void => {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

export const createLocalPush = (): LocalPush => {
  const sockets = new Map<string, WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });

  const upgrade = (push: SignalPush) => (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PUSH_PATH) return refuse(socket, '404 Not Found');
    const connectionId = randomUUID();
    push.connect(url.searchParams.get('token') ?? undefined, connectionId).then(
      () =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          sockets.set(connectionId, ws);
          ws.on('close', () => sockets.delete(connectionId));
          // A page's keep-alive ("ping") needs no answer, as on API Gateway with no $default route.
          ws.on('message', () => undefined);
          ws.on('error', () => ws.terminate());
        }),
      () => refuse(socket, '401 Unauthorized'),
    );
  };

  return {
    transport: {
      async post(connectionId, data) {
        const ws = sockets.get(connectionId);
        if (!ws || ws.readyState !== WebSocket.OPEN) return 'gone';
        ws.send(data);
        return 'sent';
      },
    },
    attach(server, push) {
      server.on('upgrade', upgrade(push));
    },
    get open() {
      return sockets.size;
    },
    close() {
      for (const ws of sockets.values()) ws.terminate();
      sockets.clear();
      wss.close();
    },
  };
};
