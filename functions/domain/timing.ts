// Attempt timing: server-authoritative deadline, remaining time, answer acceptance, client clock-offset math.
// Pure and dependency-free so the web app can import it for its timer.
import type { AttemptMeta } from './attempt.ts';

/** One minute in ms: the unit of exam durations and extensions. */
export const MINUTE = 60_000;

/** How long after the deadline in-flight saves are still accepted and scored (the one source; services/config.ts uses it). */
export const DEFAULT_GRACE_MS = 15_000;

export type TimingMeta = Pick<
  AttemptMeta,
  'state' | 'startedAt' | 'durationMs' | 'extensionsMs' | 'pausedMs' | 'pausedAt'
>;

/**
 * deadline = startedAt + durationMs + extensionsMs + pausedMs, where pausedMs holds only completed pauses.
 * While paused, the running pause (now - pausedAt) is not included: the deadline is provisional and
 * remainingMs() is frozen; resume credits the pause into pausedMs, which moves the deadline.
 */
export const deadlineOf = (meta: TimingMeta): number =>
  meta.startedAt + meta.durationMs + meta.extensionsMs + meta.pausedMs;

/**
 * Milliseconds left, never negative: running -> deadline - now; paused -> deadline - pausedAt (frozen);
 * ready -> the full duration (+ extensions); submitted / expired -> 0.
 */
export function remainingMs(meta: TimingMeta, now: number): number {
  switch (meta.state) {
    case 'ready':
      return Math.max(0, meta.durationMs + meta.extensionsMs);
    case 'running':
      return Math.max(0, deadlineOf(meta) - now);
    case 'paused':
      return Math.max(0, deadlineOf(meta) - (meta.pausedAt ?? now));
    default:
      return 0;
  }
}

/** Does a client step received at server time `at` get accepted? Only while running, and at <= deadline + grace. */
export const acceptsAnswersAt = (meta: TimingMeta, at: number, graceMs: number): boolean =>
  meta.state === 'running' && at >= meta.startedAt && at <= deadlineOf(meta) + graceMs;

/** Offset to add to the client's clock to get server time (from a response's serverTime). */
export const clockOffset = (serverTime: number, clientNow: number): number => serverTime - clientNow;

/**
 * Time left as the client should display it: deadline - estimated server now, where
 * estimated server now = clientNow + (serverTimeAtResponse - clientNowAtResponse). Never negative.
 * Independent of how wrong the client's clock is, as long as it runs at the right speed.
 */
export const clientRemaining = (
  deadline: number,
  serverTimeAtResponse: number,
  clientNowAtResponse: number,
  clientNow: number,
): number => Math.max(0, deadline - (clientNow + clockOffset(serverTimeAtResponse, clientNowAtResponse)));
