// Process-wide server clock estimate: keeps the round trip with the smallest latency as the reference
// sample; remaining time uses the pure helpers of functions/domain/timing.ts.
import { clientRemaining, clockOffset } from '../../functions/domain/timing.ts';

export interface ClockSample {
  /** serverTime from a response body. */
  serverTime: number;
  /** Client clock when the server stamped it, estimated as the middle of the round trip. */
  clientAt: number;
  rtt: number;
}

let best: ClockSample | null = null;
/** A sample older than this is replaced even by a slower round trip (clocks drift, networks change). */
const MAX_AGE_MS = 60_000;

/** Pure choice between the kept sample and a new one. */
export function betterSample(kept: ClockSample | null, next: ClockSample): ClockSample {
  if (!kept || next.rtt <= kept.rtt || next.clientAt - kept.clientAt > MAX_AGE_MS) return next;
  return kept;
}

export function observeServerTime(serverTime: number, sentAt: number, receivedAt: number): void {
  best = betterSample(best, { serverTime, clientAt: (sentAt + receivedAt) / 2, rtt: receivedAt - sentAt });
}

/** The kept sample, to store with an offline snapshot. */
export const currentSample = (): ClockSample | null => best;

/** After a reload without network: continue from the last stored server offset. */
export function restoreSample(sample: ClockSample | null): void {
  if (sample && !best) best = sample;
}

/** Offset to add to the client clock to get server time (0 before any response). */
export function serverOffset(): number {
  return best ? clockOffset(best.serverTime, best.clientAt) : 0;
}

export function serverNow(): number {
  return Date.now() + serverOffset();
}

/** Remaining ms until a server-clock deadline, as seen now on this client. */
export function remainingUntil(deadline: number, clientNow: number = Date.now()): number {
  return best
    ? clientRemaining(deadline, best.serverTime, best.clientAt, clientNow)
    : Math.max(0, deadline - clientNow);
}
