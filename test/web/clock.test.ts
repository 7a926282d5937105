// Server clock estimate: a skewed client clock does not change the displayed remaining time.
import { describe, expect, it } from 'vitest';
import { betterSample, observeServerTime, remainingUntil, serverOffset } from '../../web/lib/clock.ts';
import { formatDuration } from '../../web/lib/timing.ts';

describe('server clock', () => {
  it('uses the midpoint of the round trip and ignores the client clock skew', () => {
    const skew = 3 * 3600_000; // client runs 3 h ahead
    const serverNow = 1_800_000_000_000;
    const deadline = serverNow + 100 * 60_000;
    // request sent at client time serverNow+skew-100, answered 200 ms later; server stamped the middle
    observeServerTime(serverNow, serverNow + skew - 100, serverNow + skew + 100);
    expect(serverOffset()).toBe(-skew);
    expect(remainingUntil(deadline, serverNow + skew)).toBe(100 * 60_000);
    expect(remainingUntil(deadline, serverNow + skew + 60_000)).toBe(99 * 60_000);
    expect(remainingUntil(deadline, serverNow + skew + 101 * 60_000)).toBe(0);
  });

  it('prefers the faster round trip unless the kept sample is old', () => {
    const fast = { serverTime: 1000, clientAt: 500, rtt: 20 };
    expect(betterSample(fast, { serverTime: 2000, clientAt: 1500, rtt: 400 })).toBe(fast);
    const late = { serverTime: 90_000, clientAt: 89_000, rtt: 400 };
    expect(betterSample(fast, late)).toBe(late);
    expect(betterSample(null, late)).toBe(late);
  });

  it.each([
    [0, '00:00'],
    [999, '00:01'],
    [59_000, '00:59'],
    [6_000_000, '1:40:00'],
    [-5, '00:00'],
  ])('formatDuration(%i) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
