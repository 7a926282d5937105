import { describe, expect, it } from 'vitest';
import { PAUSED_POLL_MS, POLL_MS, pollDue } from '../../../web/candidate/useSignals.ts';

describe('pollDue', () => {
  it.each([
    [POLL_MS - 1, false, false, false],
    [POLL_MS, false, false, true],
    [POLL_MS, false, true, false], // one poll at a time
    [PAUSED_POLL_MS, true, false, true],
    [PAUSED_POLL_MS - 1, true, false, false],
  ])('silent %i ms, paused %s, in flight %s -> %s', (silent, paused, inFlight, due) => {
    expect(pollDue(10_000 + silent, 10_000, paused, inFlight)).toBe(due);
  });
  it('keeps a signal under 5 s with a 1 s request', () => {
    expect(POLL_MS + 1_000).toBeLessThanOrEqual(5_000);
  });
});

describe('signal polls per SKD candidate-exam (the client loop, simulated on its own 500 ms timer)', () => {
  /** 100 minutes; `saveEvery` ms between saves (0 = none); each request answers after `rtt` ms. */
  function polls(saveEvery: number, rtt = 150): number {
    let lastHeard = 0;
    let inFlightUntil = -1;
    let count = 0;
    for (let now = 0; now < 100 * 60_000; now += 500) {
      if (inFlightUntil >= 0 && now >= inFlightUntil) {
        lastHeard = inFlightUntil;
        inFlightUntil = -1;
      }
      if (saveEvery && now > 0 && now % saveEvery === 0) lastHeard = now + rtt;
      if (pollDue(now, lastHeard, false, inFlightUntil >= 0)) {
        count++;
        inFlightUntil = now + rtt;
      }
    }
    return count;
  }

  it('≈ 1,400–1,700 polls without saves; the 165 saves of an SKD exam (one per ≈ 36 s) save only some', () => {
    const idle = polls(0);
    const skd = polls(36_000);
    console.log(`signal polls per 100-minute exam: ${idle} with no saves, ${skd} with a save every 36 s`);
    expect(idle).toBeGreaterThan(1_400);
    expect(idle).toBeLessThan(1_700);
    expect(skd).toBeLessThan(idle);
    expect(skd).toBeGreaterThan(1_000);
  });
});
