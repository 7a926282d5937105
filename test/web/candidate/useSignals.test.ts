import { describe, expect, it } from 'vitest';
import {
  KEEPALIVE_MS,
  pushUrl,
  RECONNECT_MAX_MS,
  reconnectDelay,
} from '../../../web/candidate/pushSocket.ts';
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
  it.each([false, true])('never while the push socket is up (paused %s)', (paused) => {
    expect(pollDue(10_000 + 60_000, 10_000, paused, false, true)).toBe(false);
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

describe('push socket', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [6, 0, 15_000],
    [7, 0, 15_000],
    [20, 0.999, 29_985],
  ])('reconnect %i with random %f waits %i ms', (failures, random, ms) => {
    expect(reconnectDelay(failures, random)).toBe(ms);
  });
  it('backs off to at most 30 s', () => {
    expect(reconnectDelay(100, 0.999_999)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
  });
  it.each([
    [{ protocol: 'https:', host: 'cat.example.go.id' }, 'wss://cat.example.go.id/ws?token=a%2Bb'],
    [{ protocol: 'http:', host: 'localhost:3107' }, 'ws://localhost:3107/ws?token=a%2Bb'],
  ])('address on the page origin %o', (origin, url) => {
    expect(pushUrl(origin, 'a+b')).toBe(url);
  });
  it('a keep-alive comes before API Gateway’s 10-minute idle timeout', () => {
    expect(KEEPALIVE_MS).toBeLessThan(10 * 60_000);
  });
});

/**
 * Requests and socket messages of one 100-minute SKD exam with push, from the client loop itself: the page's
 * 500 ms timer with pollDue, the keep-alive every KEEPALIVE_MS, one catch-up poll per (re)connect, and the
 * socket down during `outages` ([from, to] ms; reconnect after reconnectDelay at the midpoint random 0.5).
 */
function pushedExam(outages: Array<[number, number]>, rtt = 150) {
  const end = 100 * 60_000;
  let lastHeard = 0;
  let inFlightUntil = -1;
  let polls = 0;
  let pings = 0;
  let connects = 0;
  let up = false;
  let nextConnect = 0;
  let failures = 0;
  let lastPing = 0;
  const down = (t: number) => outages.some(([a, b]) => t >= a && t < b);
  for (let now = 0; now < end; now += 500) {
    if (inFlightUntil >= 0 && now >= inFlightUntil) {
      lastHeard = inFlightUntil;
      inFlightUntil = -1;
    }
    if (up && down(now)) {
      up = false;
      failures = 1;
      nextConnect = now + reconnectDelay(failures, 0.5);
    }
    if (!up && now >= nextConnect) {
      if (down(now)) {
        failures++;
        nextConnect = now + reconnectDelay(failures, 0.5);
      } else {
        up = true;
        connects++;
        failures = 0;
        lastPing = now;
        polls++; // the catch-up poll on open
        inFlightUntil = now + rtt;
      }
    }
    if (up && now - lastPing >= KEEPALIVE_MS) {
      pings++;
      lastPing = now;
    }
    if (pollDue(now, lastHeard, false, inFlightUntil >= 0, up)) {
      polls++;
      inFlightUntil = now + rtt;
    }
  }
  return { polls, pings, connects };
}

describe('requests and messages per SKD candidate-exam with push', () => {
  it('socket up all exam: 1 poll (on open), 12 keep-alives, 1 connect', () => {
    const r = pushedExam([]);
    console.log(`push, socket up: ${JSON.stringify(r)}`);
    expect(r).toEqual({ polls: 1, pings: 12, connects: 1 });
  });
  it('one 60 s outage: the fallback poll covers it, then the socket is back', () => {
    const r = pushedExam([[50 * 60_000, 51 * 60_000]]);
    console.log(`push, one 60 s outage: ${JSON.stringify(r)}`);
    expect(r.connects).toBe(2);
    expect(r.polls).toBeGreaterThan(10);
    expect(r.polls).toBeLessThan(30);
  });
});
