// Login rate limits through the API over dynalite: slowed and stopped, temporary, per (key, address), one-click unlock.
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultLoginLimits } from '../../../functions/domain/login-limits.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
const WINDOW = defaultLoginLimits.candidate.windowMs;
beforeEach(async () => {
  h = await apiHarness(3, { loginLimits: defaultLoginLimits });
  // Start each test at the beginning of a counter window, so that no test crosses a window by chance.
  h.advance(WINDOW - (h.now() % WINDOW));
});
const wrongPin = (pin: string) => (pin === '000000' ? '111111' : '000000');
const login = (i: number, address: string, pin?: string) => {
  const c = h.demo.candidates[i]!;
  return h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: pin ?? c.pin }, address });
};

describe('candidate login limits', () => {
  it('1,000 wrong PINs from one address are slowed, then stopped; the stop ends with its window', async () => {
    const c = h.demo.candidates[0]!;
    const statuses: number[] = [];
    let firstRefusal: Awaited<ReturnType<typeof login>> | undefined;
    for (let n = 0; n < 1_000; n++) {
      const res = await login(0, '10.1.1.1', wrongPin(c.pin));
      statuses.push(res.status);
      if (res.status === 429) firstRefusal ??= res;
      h.advance(500); // one guess every 0.5 s: 500 s in all, inside one 15-minute window
    }
    const evaluated = statuses.filter((s) => s === 401).length;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Five free guesses, then 2, 4, 8 … s apart: far fewer than 1,000 reached the PIN check.
    expect(evaluated).toBeGreaterThanOrEqual(defaultLoginLimits.candidate.pairFree);
    expect(evaluated).toBeLessThanOrEqual(12);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(firstRefusal?.json.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(firstRefusal?.json.error.message).toMatch(/Coba lagi dalam \d+ detik/);
    const en = await h.call('POST', '/api/candidate/login', {
      body: { regNo: c.regNo, pin: wrongPin(c.pin) },
      address: '10.1.1.1',
      lang: 'en',
    });
    expect(en.json.error.message).toMatch(/Try again in \d+ seconds/);
    expect(Number(firstRefusal?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(firstRefusal?.json.error.details.retryAt).toBeGreaterThan(0);

    // The right PIN from the same address is slowed too (the guesser cannot learn it meanwhile) …
    const slowed = await login(0, '10.1.1.1');
    expect(slowed.status).toBe(429);
    // … but only for a while: after the retry time (at most the window's end) it logs in.
    h.advance(WINDOW);
    expect((await login(0, '10.1.1.1')).status).toBe(200);
  }, 60_000);

  it('parallel wrong PINs from one address cannot all reach the PIN check', async () => {
    const c = h.demo.candidates[0]!;
    const res = await Promise.all(Array.from({ length: 60 }, () => login(0, '10.1.1.3', wrongPin(c.pin))));
    const evaluated = res.filter((r) => r.status === 401).length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(defaultLoginLimits.candidate.pairFree);
    expect(res.filter((r) => r.status === 429).length).toBe(60 - evaluated);
  });

  it('a candidate behind the same NAT address logs in despite a neighbour’s 400 typos', async () => {
    const neighbour = h.demo.candidates[1]!;
    for (let n = 0; n < 400; n++) {
      await login(1, '203.0.113.7', wrongPin(neighbour.pin));
      h.advance(100);
    }
    const res = await login(0, '203.0.113.7');
    expect(res.status).toBe(200);
  });

  it('wrong PINs for someone else’s number from another address do not keep them out', async () => {
    const victim = h.demo.candidates[0]!;
    for (let n = 0; n < 300; n++) {
      // A different attacking address every 20 guesses: the key's failure count passes keyFailuresSlow.
      await login(0, `198.51.100.${Math.floor(n / 20)}`, wrongPin(victim.pin));
      h.advance(200);
    }
    const res = await login(0, '192.0.2.10');
    expect(res.status).toBe(200);
  });

  it('a victim who mistyped once while under attack is slowed (seconds), never locked out', async () => {
    const victim = h.demo.candidates[0]!;
    for (let n = 0; n < 40; n++) await login(0, `198.51.100.${n}`, wrongPin(victim.pin));
    expect((await login(0, '192.0.2.11', wrongPin(victim.pin))).status).toBe(401);
    const slowed = await login(0, '192.0.2.11');
    expect(slowed.status).toBe(429);
    expect(slowed.json.error.details.retryAfterSeconds).toBeLessThanOrEqual(
      defaultLoginLimits.candidate.keyDelayMs / 1000,
    );
    h.advance(defaultLoginLimits.candidate.keyDelayMs);
    expect((await login(0, '192.0.2.11')).status).toBe(200);
  });

  it('an unknown number and a wrong PIN get the same code and message, and unknown numbers are limited too', async () => {
    const c = h.demo.candidates[0]!;
    const wrong = await login(0, '10.2.2.2', wrongPin(c.pin));
    const unknown = await h.call('POST', '/api/candidate/login', {
      body: { regNo: 'SKD26-99999', pin: '123456' },
      address: '10.2.2.2',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(unknown.json.error).toEqual(wrong.json.error);
    const codes: string[] = [];
    for (let n = 0; n < 8; n++)
      codes.push(
        (
          await h.call('POST', '/api/candidate/login', {
            body: { regNo: 'SKD26-99999', pin: '123456' },
            address: '10.2.2.2',
          })
        ).json.error.code,
      );
    expect(codes).toContain('TOO_MANY_ATTEMPTS');
  });

  it('X-Forwarded-For from the client does not change the address counted', async () => {
    const c = h.demo.candidates[0]!;
    for (let n = 0; n < 30; n++)
      await h.call('POST', '/api/candidate/login', {
        body: { regNo: c.regNo, pin: wrongPin(c.pin) },
        address: '10.3.3.3',
        headers: { 'x-forwarded-for': `192.0.2.${n}`, 'cloudfront-viewer-address': `192.0.2.${n}:443` },
      });
    expect((await login(0, '10.3.3.3')).status).toBe(429);
  });
});

describe('one-click unlock', () => {
  const stopCandidate0 = async (address: string) => {
    const c = h.demo.candidates[0]!;
    for (let n = 0; n < 30; n++) await login(0, address, wrongPin(c.pin));
    expect((await login(0, address)).status).toBe(429);
  };

  it('a proctor unlocks a candidate’s registration number: the next login works at once', async () => {
    await stopCandidate0('10.4.4.4');
    const proctor = await h.loginStaff('proctor');
    const res = await h.call('POST', '/api/admin/login-limits/clear', {
      token: proctor,
      body: { kind: 'candidate', key: h.demo.candidates[0]!.regNo },
    });
    expect(res.status).toBe(200);
    expect(res.json.cleared).toBeGreaterThan(0);
    expect((await login(0, '10.4.4.4')).status).toBe(200);
  });

  it('an admin unlocks a client address', async () => {
    const c = h.demo.candidates[0]!;
    for (let n = 0; n < 30; n++) await login(0, '10.5.5.5', wrongPin(c.pin));
    const admin = await h.loginStaff('admin');
    const res = await h.call('POST', '/api/admin/login-limits/clear', {
      token: admin,
      body: { kind: 'candidate', address: '10.5.5.5' },
    });
    expect(res.status).toBe(200);
    // The pair counter lives under the key, so the address unlock clears the address cap only.
    expect(res.json.cleared).toBe(1);
  });

  it.each([
    ['no token', 401, undefined, { kind: 'candidate', key: 'SKD26-00001' }],
    ['a candidate', 403, 'candidate', { kind: 'candidate', key: 'SKD26-00001' }],
    ['an auditor', 403, 'auditor', { kind: 'candidate', key: 'SKD26-00001' }],
    ['a proctor unlocking staff', 403, 'proctor', { kind: 'staff', key: 'admin' }],
    ['bad body', 400, 'admin', { kind: 'robot', key: 'x' }],
    ['key and address together', 400, 'admin', { kind: 'candidate', key: 'x', address: 'y' }],
  ] as const)('%s -> %i, nothing cleared', async (_name, status, who, body) => {
    await stopCandidate0('10.6.6.6');
    let token: string | undefined;
    if (who === 'candidate') {
      const c = h.demo.candidates[2]!;
      token = (await login(2, '10.9.9.9', c.pin)).json.token;
    } else if (who) token = who === 'auditor' ? await h.loginStaff('auditor') : await h.loginStaff(who);
    const res = await h.call('POST', '/api/admin/login-limits/clear', { token, body });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBeTypeOf('string');
    expect((await login(0, '10.6.6.6')).status).toBe(429);
  });
});
