// Process-wide server clock estimate: keeps the offset from the round trip with the smallest latency.
import { clockOffset } from './timing.ts';

interface Sample {
  offset: number;
  rtt: number;
  at: number;
}

let best: Sample | null = null;
/** A sample older than this is replaced even by a slower round trip (clocks drift, networks change). */
const MAX_AGE_MS = 60_000;

export function observeServerTime(serverTime: number, sentAt: number, receivedAt: number): void {
  const sample: Sample = {
    offset: clockOffset(serverTime, sentAt, receivedAt),
    rtt: receivedAt - sentAt,
    at: receivedAt,
  };
  if (!best || sample.rtt <= best.rtt || receivedAt - best.at > MAX_AGE_MS) best = sample;
}

export function serverOffset(): number {
  return best?.offset ?? 0;
}

export function serverNow(): number {
  return Date.now() + serverOffset();
}
