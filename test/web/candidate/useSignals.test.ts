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
