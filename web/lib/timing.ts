// Server-authoritative timer math (pure): clock offset from a response's serverTime, remaining time.
// Lives in web/ until functions/domain/timing.ts provides clockOffset/clientRemaining.

/**
 * Offset (ms) to add to the client clock to get server time, from one round trip.
 * The server stamped `serverTime` somewhere between send and receive; assume the midpoint.
 */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/** Remaining ms until `deadline` (server clock), given the client clock and the offset; never negative. */
export function clientRemaining(deadline: number, clientNow: number, offset: number): number {
  return Math.max(0, deadline - (clientNow + offset));
}

/** h:mm:ss (or mm:ss under an hour) for a countdown. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
