// API test harness: the real Hono app over a fresh dynalite table, demo data, a movable clock, typed calls.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createApiApp } from '../../functions/api/app.ts';
import { defaultLoginLimits, type LoginLimits } from '../../functions/domain/login-limits.ts';
import { seedDemo } from '../../functions/local/demo-data.ts';
import { hashPassword } from '../../functions/services/auth/passwords.ts';
import { defaultApiConfig } from '../../functions/services/config.ts';
import type { Deps } from '../../functions/services/deps.ts';
import type { PushTransport } from '../../functions/services/push.ts';
import { createStore } from '../../functions/store/index.ts';
import { testConfig } from '../store/helpers.ts';

/** One Ed25519 key for every API test run (generating is cheap, but one key keeps published key lists short). */
export const TEST_PUBLICATION_KEYS = {
  signingKeyPem: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
  pseudonymSecret: '5e'.repeat(32),
};

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  token?: string;
  /** Accept-Language header. */
  lang?: string;
  /** Client address the request comes from (the node adapter's socket); default 127.0.0.1. */
  address?: string;
  headers?: Record<string, string>;
}

/**
 * API tests log in the same accounts dozens of times from one address, so the harness relaxes the login
 * limits unless a test asks for others; test/api/candidate/login-limits.test.ts runs with the defaults.
 */
export const RELAXED_LOGIN_LIMITS: LoginLimits = {
  candidate: { ...defaultLoginLimits.candidate, pairFree: 10_000, pairMax: 10_000, addressMax: 1_000_000 },
  staff: { ...defaultLoginLimits.staff, pairFree: 10_000, pairMax: 10_000, addressMax: 1_000_000 },
};

export const apiHarness = async (
  candidates = 4,
  opts: { loginLimits?: LoginLimits; push?: PushTransport } = {},
) => {
  const storeConfig = testConfig();
  const store = createStore(storeConfig);
  await store.ensure();
  let now = Date.now();
  const deps: Deps = {
    store,
    config: {
      ...defaultApiConfig({
        jwtSecret: 'test-jwt-secret-0123',
        pinPepper: 'test-pepper',
        publication: TEST_PUBLICATION_KEYS,
      }),
      loginLimits: opts.loginLimits ?? RELAXED_LOGIN_LIMITS,
    },
    clock: () => now,
    randomHex: (n) => randomBytes(n).toString('hex'),
    ...(opts.push ? { push: opts.push } : {}),
  };
  const demo = await seedDemo(deps, { candidates, finishedCohort: 0 });
  const { app, services } = createApiApp(deps);

  const call = async (method: string, path: string, opts: CallOptions = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lang) headers['accept-language'] = opts.lang;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const env = { incoming: { socket: { remoteAddress: opts.address ?? '127.0.0.1' } } };
    const res = await app.request(path, { method, headers, body }, env);
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: res.status, json, headers: res.headers };
  };

  type CandidateLogin = { token: string; attemptId: string; sessionId: string };
  /** The browser's kept token per candidate: like the exam page, a test "device" reuses it once its attempt runs. */
  const devices = new Map<number, CandidateLogin>();
  const loginCandidate = async (i: number, address?: string): Promise<CandidateLogin> => {
    const c = demo.candidates[i]!;
    const res = await call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin }, address });
    const kept = devices.get(i);
    if (res.status === 409 && res.json?.error?.code === 'DEVICE_ACTIVE' && kept) return kept;
    if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.json)}`);
    devices.set(i, res.json as CandidateLogin);
    return res.json as CandidateLogin;
  };

  const loginStaff = async (who: 'admin' | 'proctor' | 'auditor') => {
    const { username, password } = demo[who];
    const path = who === 'auditor' ? '/api/auditor/login' : '/api/admin/login';
    const res = await call('POST', path, { body: { username, password } });
    if (res.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(res.json)}`);
    return res.json.token as string;
  };

  /** Creates proctor account `id` (assigned to no session) and returns its staff token: the "wrong owner". */
  const loginOtherProctor = async (id: string, name = id) => {
    const password = `rahasia-${id}`;
    await store.users.put({ id, name, role: 'proctor', passwordHash: await hashPassword(password) });
    const res = await call('POST', '/api/admin/login', { body: { username: id, password } });
    if (res.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(res.json)}`);
    return res.json.token as string;
  };

  /** Starts candidate i and returns token, attempt id and the public form. */
  const started = async (i: number) => {
    const login = await loginCandidate(i);
    const start = await call('POST', `/api/candidate/attempts/${login.attemptId}/start`, {
      token: login.token,
    });
    if (start.status !== 200) throw new Error(`start failed: ${JSON.stringify(start.json)}`);
    const form = await call('GET', `/api/candidate/attempts/${login.attemptId}/form`, { token: login.token });
    return { ...login, form: form.json };
  };

  /**
   * The bank side of a started attempt's wire form (what the browser never sees): for a wire item id, the
   * bank item and the wire id of one of its bank options.
   */
  const bankView = async (attemptId: string) => {
    const meta = await store.attempts.get(attemptId, true);
    if (!meta) throw new Error(`attempt ${attemptId} not started`);
    const content = await services.contentCache.exam(meta.examId);
    const wire = services.contentCache.wire(attemptId, content, meta.seed);
    return (wireItemId: string) => {
      const w = wire.byWire.get(wireItemId);
      const item = w && content.itemsById.get(w.itemId);
      if (!w || !item) throw new Error(`${wireItemId} is not on the form of ${attemptId}`);
      return { item, wireOf: (bankChoice: string) => w.toWire.get(bankChoice) as string };
    };
  };

  return {
    app,
    bankView,
    deps,
    services,
    store,
    /** The fresh table and buckets this harness uses (for tests that read the table whole). */
    storeConfig,
    demo,
    call,
    loginCandidate,
    loginStaff,
    loginOtherProctor,
    started,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
};

export type ApiHarness = Awaited<ReturnType<typeof apiHarness>>;
