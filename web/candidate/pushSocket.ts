// The exam page's push channel: one WebSocket to /ws (the local server, or CloudFront → API Gateway WebSocket
// on AWS) carrying proctor signals; keeps itself alive, reconnects with backoff, says when it is up or down.
import { type AttemptSignal, attemptSignal, PUSH_PATH } from '../../functions/schemas/candidate.ts';

/** API Gateway closes an idle connection after 10 minutes: one small message before that keeps it. */
export const KEEPALIVE_MS = 8 * 60_000;
/** Reconnect delays: 1 s doubling to 30 s, each with jitter so a room's pages do not reconnect in step. */
export const RECONNECT_MIN_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

/** Pure: the wait before reconnect number `failures` (1, 2, …), given a random number in [0, 1). */
export function reconnectDelay(failures: number, random: number): number {
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random / 2));
}

/** Pure: the socket's address on the page's own origin (ws: locally, wss: behind CloudFront). */
export function pushUrl(origin: { protocol: string; host: string }, token: string): string {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${origin.host}${PUSH_PATH}?token=${encodeURIComponent(token)}`;
}

export interface PushHandlers {
  onSignal(s: AttemptSignal): void;
  /** true once open, false when closed (a fallback poll runs while down). */
  onUp(up: boolean): void;
}

/** Opens and keeps the socket until `close()`; messages that are not a signal are ignored. */
export function openPush(token: string, h: PushHandlers): { close(): void } {
  let ws: WebSocket | undefined;
  let failures = 0;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let keepalive: ReturnType<typeof setInterval> | undefined;

  const connect = () => {
    if (stopped) return;
    try {
      ws = new WebSocket(pushUrl(location, token));
    } catch {
      schedule();
      return;
    }
    ws.onopen = () => {
      failures = 0;
      h.onUp(true);
      keepalive = setInterval(() => ws?.readyState === WebSocket.OPEN && ws.send('ping'), KEEPALIVE_MS);
    };
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(e.data);
      } catch {
        return;
      }
      const s = attemptSignal.safeParse(parsed);
      if (s.success) h.onSignal(s.data);
    };
    ws.onclose = () => {
      clearInterval(keepalive);
      ws = undefined;
      h.onUp(false);
      schedule();
    };
  };
  const schedule = () => {
    if (stopped) return;
    failures++;
    retry = setTimeout(connect, reconnectDelay(failures, Math.random()));
  };
  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(keepalive);
      if (ws) {
        ws.onclose = null;
        ws.close();
      }
    },
  };
}
