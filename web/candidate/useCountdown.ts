// Live remaining time from a server deadline and the server clock offset; frozen value while paused.
import { useEffect, useState } from 'react';
import { remainingUntil } from '../lib/clock.ts';

/** `deadline` (server ms) when the clock runs; otherwise `frozenMs` is shown as is. */
export function useCountdown(deadline: number | null, frozenMs: number | null): number | null {
  const compute = () => (deadline !== null ? remainingUntil(deadline) : frozenMs);
  const [remaining, setRemaining] = useState<number | null>(compute);
  // biome-ignore lint/correctness/useExhaustiveDependencies: compute closes over exactly these inputs
  useEffect(() => {
    setRemaining(compute());
    if (deadline === null) return;
    const timer = setInterval(() => setRemaining(compute()), 250);
    return () => clearInterval(timer);
  }, [deadline, frozenMs]);
  return remaining;
}
