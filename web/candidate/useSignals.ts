// Proctor signals within 5 s at the least cost: pushed over the page's WebSocket (pushSocket.ts); every save
// response carries the attempt state too; only while the socket is down does a light poll run, after POLL_MS
// of silence (sooner while paused), so a signal still shows within 5 s.
import { useEffect, useRef } from 'react';
import type { AttemptSignal } from '../../functions/schemas/candidate.ts';
import { candidateApi } from '../api/candidate.ts';
import { openPush } from './pushSocket.ts';

/** Longest silence before a fallback poll while running; with the request time this keeps a signal under 5 s. */
export const POLL_MS = 3_500;
/** While paused a resume should show quickly too. */
export const PAUSED_POLL_MS = 2_500;

/** Pure: whether a fallback poll is due, given the last time the server was heard from. None while pushed to. */
export function pollDue(
  now: number,
  lastHeard: number,
  paused: boolean,
  inFlight: boolean,
  socketUp = false,
): boolean {
  return !socketUp && !inFlight && now - lastHeard >= (paused ? PAUSED_POLL_MS : POLL_MS);
}

export interface Signals {
  /** Call on every successful save response (it carried the state). */
  heard(): void;
  /** Poll now (e.g. a save was refused as paused). */
  pollNow(): void;
}

export function useSignals(
  auth: { token: string; attemptId: string },
  paused: boolean,
  enabled: boolean,
  onSignal: (s: AttemptSignal) => void,
): Signals {
  const lastHeard = useRef(Date.now());
  const inFlight = useRef(false);
  const socketUp = useRef(false);
  const handler = useRef(onSignal);
  handler.current = onSignal;
  const poll = useRef<() => void>(() => undefined);
  poll.current = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    candidateApi
      .signal(auth.token, auth.attemptId)
      .then((s) => handler.current(s))
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
        lastHeard.current = Date.now();
      });
  };
  // The push channel; on every (re)connect one poll catches up on what was signalled while it was down.
  useEffect(() => {
    if (!enabled) return;
    const push = openPush(auth.token, {
      onSignal: (s) => {
        lastHeard.current = Date.now();
        handler.current(s);
      },
      onUp: (up) => {
        socketUp.current = up;
        if (up) poll.current();
      },
    });
    return () => {
      socketUp.current = false;
      push.close();
    };
  }, [auth.token, enabled]);
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (pollDue(Date.now(), lastHeard.current, paused, inFlight.current, socketUp.current)) poll.current();
    }, 500);
    return () => clearInterval(timer);
  }, [paused, enabled]);
  const api = useRef<Signals>({
    heard: () => {
      lastHeard.current = Date.now();
    },
    pollNow: () => poll.current(),
  });
  return api.current;
}
