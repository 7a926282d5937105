// Countdown text formatting (the timer math itself is functions/domain/timing.ts, used via lib/clock.ts).

/** h:mm:ss (or mm:ss under an hour) for a countdown; rounds up so 0:00 means really over. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
