// Candidate login's store cost (the start spike is all logins) and what it tells before the limiter's gate.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultLoginLimits } from '../../functions/domain/login-limits.ts';
import { type CandidateClaims, signToken, verifyToken } from '../../functions/services/auth/tokens.ts';
import { OPEN_SESSIONS_READ_MAX } from '../../functions/services/candidate-login.ts';
import { storeUnits } from '../../functions/store/index.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

const DAY = 24 * 3600_000;

describe('candidate login, start and form: store requests', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await apiHarness(3);
    await h.started(0); // warms the per-process session and content caches
  });

  const requestsOf = async (run: () => Promise<{ status: number }>) => {
    const before = storeUnits.snapshot().requests;
    const res = await run();
    expect(res.status).toBe(200);
    return storeUnits.snapshot().requests - before;
  };

  it('a fresh candidate logs in, starts and fetches the form in few store requests', async () => {
    await h.loginCandidate(1); // this process's second login from 127.0.0.1 reserves a block of two
    const c = h.demo.candidates[2]!;
    let login: { token: string; attemptId: string } | undefined;
    const lookups = vi.spyOn(h.deps.store.sessions, 'sessionsOfCandidate');
    const loginRequests = await requestsOf(async () => {
      const res = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
      login = res.json;
      return res;
    });
    const path = `/api/candidate/attempts/${login?.attemptId}`;
    let form: { items?: unknown[] } | undefined;
    const startRequests = await requestsOf(async () => {
      const res = await h.call('POST', `${path}/start`, { token: login?.token });
      form = res.json.form;
      return res;
    });
    expect(form?.items).toHaveLength(110);
    const formRequests = await requestsOf(() => h.call('GET', `${path}/form`, { token: login?.token }));
    // Login: counters + each open session's roster entry and attempt (one BatchGetItem: no REG# query while few
    // sessions are open); the pair reservation; the room monitor's 'ready' mark (the address attempt comes from
    // the block the previous login reserved).
    // Start (answered with the form): META create carrying the started step (the roster entry comes with the
    // token). A reload's GET form: the META start cached.
    expect(lookups).not.toHaveBeenCalled();
    lookups.mockRestore();
    expect({ loginRequests, startRequests, formRequests }).toEqual({
      loginRequests: 3,
      startRequests: 1,
      formRequests: 0,
    });
  });
});

describe('candidate login while many sessions are open', () => {
  it('looks the candidate up by registration number first (one request more) and logs in as before', async () => {
    const h = await apiHarness(3);
    const demo = await h.deps.store.sessions.get(h.demo.sessionId);
    if (!demo) throw new Error('demo session missing');
    for (let i = 0; i < OPEN_SESSIONS_READ_MAX; i++)
      await h.deps.store.sessions.create(
        { ...demo, id: `other-open-${i}`, title: `Sesi lain ${i}` },
        'x'.repeat(64),
      );
    h.advance(10_000); // past the session list's cache
    const c = h.demo.candidates[1]!;
    const lookups = vi.spyOn(h.deps.store.sessions, 'sessionsOfCandidate');
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sessionId: h.demo.sessionId, started: false });
    expect(lookups).toHaveBeenCalledTimes(1);
    const wrong = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: '000000' } });
    expect(wrong.status).toBe(401);
  });
});

describe('candidate login through the lookup by registration number', () => {
  const HOUR = 3600_000;

  it('while another session is open, a closed session’s candidate logs in read-only through the lookup', async () => {
    const h = await apiHarness(3);
    const demo = await h.deps.store.sessions.get(h.demo.sessionId);
    if (!demo) throw new Error('demo session missing');
    await h.deps.store.sessions.create(
      {
        ...demo,
        id: 'next-open',
        title: 'Sesi berikutnya',
        opensAt: demo.closesAt,
        closesAt: demo.closesAt + DAY,
      },
      'x'.repeat(64),
    );
    h.advance(demo.closesAt + HOUR - h.now()); // the demo session closed an hour ago; 'next-open' is open
    const c = h.demo.candidates[1]!;
    const lookups = vi.spyOn(h.deps.store.sessions, 'sessionsOfCandidate');
    const entries = vi.spyOn(h.deps.store.sessions, 'getRosterEntry');
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sessionId: h.demo.sessionId, readOnly: true });
    // One BatchGetItem over the open session found no entry: the lookup, then the looked-up session's entry.
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(entries).toHaveBeenCalledTimes(1);
    const wrong = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: '000000' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('a session opened since the open list was read: its candidates log in through the lookup; unreleased PINs refused', async () => {
    const h = await apiHarness(3);
    await h.loginCandidate(0); // reads the open-session list: the demo session only
    const demo = await h.deps.store.sessions.get(h.demo.sessionId);
    const entry = await h.deps.store.sessions.getRosterEntry(h.demo.sessionId, h.demo.candidates[2]!.regNo);
    if (!demo || !entry) throw new Error('demo session or roster entry missing');
    const late = { ...demo, opensAt: h.now() - 1_000, closesAt: h.now() + DAY };
    await h.deps.store.sessions.create({ ...late, id: 'just-opened' }, 'x'.repeat(64));
    await h.deps.store.sessions.create({ ...late, id: 'just-opened-2', pinsReleased: false }, 'x'.repeat(64));
    await h.deps.store.sessions.putRoster([
      { ...entry, sessionId: 'just-opened', regNo: 'LATE-0001' },
      { ...entry, sessionId: 'just-opened-2', regNo: 'LATE-0002' },
    ]);
    const pin = h.demo.candidates[2]!.pin;
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: 'LATE-0001', pin } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sessionId: 'just-opened', started: false });
    const refused = await h.call('POST', '/api/candidate/login', { body: { regNo: 'LATE-0002', pin } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('PINS_NOT_RELEASED');
  });

  it('while many sessions are open, the lookup’s refusal (PINs not released) is told after the gate, with no roster read', async () => {
    const h = await apiHarness(3);
    const demo = await h.deps.store.sessions.get(h.demo.sessionId);
    if (!demo) throw new Error('demo session missing');
    for (let i = 0; i < OPEN_SESSIONS_READ_MAX; i++)
      await h.deps.store.sessions.create({ ...demo, id: `other-open-${i}` }, 'x'.repeat(64));
    await h.deps.store.sessions.setPinsReleased(h.demo.sessionId, false);
    h.advance(10_000); // past the session caches
    const c = h.demo.candidates[1]!;
    const lookups = vi.spyOn(h.deps.store.sessions, 'sessionsOfCandidate');
    const withItems = vi.spyOn(h.deps.store.loginLimits, 'readCandidateIn');
    const counters = vi.spyOn(h.deps.store.loginLimits, 'read');
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('PINS_NOT_RELEASED');
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(withItems).not.toHaveBeenCalled();
    expect(counters).toHaveBeenCalledTimes(1);
  });
});

describe('start takes the roster entry login read (in the token)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await apiHarness(3);
  });
  const MIN = 60_000;

  it('the duration comes from the token’s copy of the entry: extra minutes as login read them', async () => {
    const login = await h.loginCandidate(1);
    const claims = await verifyToken(login.token, h.deps.config.jwtSecret, h.now());
    expect(claims).toMatchObject({ ros: { xm: 0 } });
    const forged = await signToken(
      { ...(claims as CandidateClaims), ros: { fid: 'F-X', fty: 'umum', xm: 45 } },
      h.deps.config.jwtSecret,
    );
    const res = await h.call('POST', `/api/candidate/attempts/${login.attemptId}/start`, { token: forged });
    expect(res.status).toBe(200);
    expect(res.json.remainingMs).toBe(145 * MIN);
    expect(await h.store.attempts.get(login.attemptId, true)).toMatchObject({ formationId: 'F-X' });
  });

  it('a token without the copy (signed before it existed) starts from a roster read', async () => {
    const c = h.demo.candidates[2]!;
    const entry = (await h.store.sessions.getRosterEntry(h.demo.sessionId, c.regNo))!;
    await h.store.sessions.putRoster([{ ...entry, extraMinutes: 20 }]);
    const login = await h.loginCandidate(2);
    const { ros: _ros, ...older } = (await verifyToken(
      login.token,
      h.deps.config.jwtSecret,
      h.now(),
    )) as CandidateClaims;
    const token = await signToken(older, h.deps.config.jwtSecret);
    const res = await h.call('POST', `/api/candidate/attempts/${login.attemptId}/start`, { token });
    expect(res.status).toBe(200);
    expect(res.json.remainingMs).toBe(120 * MIN);
    expect(await h.store.attempts.get(login.attemptId, true)).toMatchObject({
      formationId: entry.formationId,
      formationType: entry.formationType,
    });
  });
});

describe('candidate login: refusals found before the limiter are told only after it', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await apiHarness(2, { loginLimits: defaultLoginLimits });
  });

  it('after the session and its appeal period closed, repeated logins are slowed like wrong PINs', async () => {
    h.advance(60 * DAY);
    const c = h.demo.candidates[0]!;
    const codes: string[] = [];
    for (let n = 0; n < defaultLoginLimits.candidate.pairFree + 2; n++) {
      const res = await h.call('POST', '/api/candidate/login', {
        body: { regNo: c.regNo, pin: c.pin },
        address: '10.7.7.7',
      });
      codes.push(res.json.error.code);
    }
    const free = defaultLoginLimits.candidate.pairFree;
    expect(codes.slice(0, free)).toEqual(Array(free).fill('SESSION_NOT_OPEN'));
    expect(codes.slice(free)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
  });
});
