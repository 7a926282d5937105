// When a session's secret may be revealed: only once no attempt of the session can still change.
import type { AttemptMeta, Session } from './attempt.ts';
import { deadlineOf } from './timing.ts';

export type RevealAttempt = Pick<
  AttemptMeta,
  'state' | 'startedAt' | 'durationMs' | 'extensionsMs' | 'pausedMs' | 'pausedAt'
>;

/** Why the secret is (not yet) revealed; `at` is the earliest time it can be, when that is known. */
export type RevealDecision =
  | { revealed: true }
  | { revealed: false; reason: 'window-open' | 'attempt-running' | 'attempt-paused'; at?: number };

/** The start window ends at closesAt, or earlier when the session was cancelled. */
const windowEnd = (s: Pick<Session, 'closesAt' | 'cancelledAt'>): number =>
  s.cancelledAt === undefined ? s.closesAt : Math.min(s.closesAt, s.cancelledAt);

/**
 * Revealed when the start window has closed (now >= closesAt, or cancelled) AND every attempt is final:
 * submitted or expired, or running with now past its latest deadline (start + duration incl. accommodation
 * + extensions + completed pauses) + graceMs, after which no save is accepted. A paused attempt can resume,
 * so it always holds the secret back. `ready` attempts cannot start once the window has closed.
 */
export function revealDecision(
  session: Pick<Session, 'closesAt' | 'cancelledAt'>,
  attempts: readonly RevealAttempt[],
  now: number,
  graceMs: number,
): RevealDecision {
  const end = windowEnd(session);
  if (now < end) return { revealed: false, reason: 'window-open' };
  let latest = Number.NEGATIVE_INFINITY;
  for (const a of attempts) {
    if (a.state === 'paused') return { revealed: false, reason: 'attempt-paused' };
    if (a.state === 'running') latest = Math.max(latest, deadlineOf(a) + graceMs);
  }
  if (now <= latest) return { revealed: false, reason: 'attempt-running', at: latest };
  return { revealed: true };
}

export const secretRevealable = (
  session: Pick<Session, 'closesAt' | 'cancelledAt'>,
  attempts: readonly RevealAttempt[],
  now: number,
  graceMs: number,
): boolean => revealDecision(session, attempts, now, graceMs).revealed;
