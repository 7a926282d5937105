// Every route of the API against every role it must refuse: no token, a forged token, the wrong role. The
// policy is written out here route by route, and a route the policy does not name fails the test, so a new
// route cannot ship without its authorization being decided and checked.
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../functions/schemas/messages.ts';
import { type ApiHarness, apiHarness } from './harness.ts';

/** Admin-app routes a proctor may call (the room and its actions); every other /api/admin route is admin only. */
const PROCTOR_ROUTES = new Set([
  'GET /api/admin/sessions',
  'GET /api/admin/sessions/:sessionId/attempts',
  'GET /api/admin/sessions/:sessionId/roster',
  'GET /api/admin/sessions/:sessionId/room',
  'GET /api/admin/sessions/:sessionId/room/rows',
  'POST /api/admin/sessions/:sessionId/room/:action',
  'POST /api/admin/attempts/:attemptId/:action',
  'POST /api/admin/login-limits/clear',
]);
/** Routes anyone may call: logins, the public site, health. */
const OPEN_ROUTES = new Set([
  'POST /api/admin/login',
  'POST /api/auditor/login',
  'POST /api/candidate/login',
  'GET /api/health',
  'GET /api/public/keys',
  'GET /api/public/rankings/:publicationId',
  'GET /api/public/rankings/:publicationId/proofs/:pseudonym',
  'GET /api/public/sessions/:sessionId/commitment',
  'GET /api/public/sessions/:sessionId/scoreboard',
]);

type Who = 'candidate' | 'admin' | 'proctor' | 'auditor';
type Policy = { kind: 'open' } | { kind: 'protected'; allowed: Who[] };

const policyOf = (route: string): Policy => {
  if (OPEN_ROUTES.has(route)) return { kind: 'open' };
  const path = route.split(' ')[1] ?? '';
  if (path.startsWith('/api/candidate/')) return { kind: 'protected', allowed: ['candidate'] };
  if (path.startsWith('/api/auditor/')) return { kind: 'protected', allowed: ['auditor'] };
  if (path.startsWith('/api/admin/'))
    return { kind: 'protected', allowed: PROCTOR_ROUTES.has(route) ? ['admin', 'proctor'] : ['admin'] };
  throw new Error(`${route}: no authorization policy in this test — decide one and add it`);
};

/** What the role check answers (the wire carries code and message, not the catalog key). */
const ROLE_REFUSAL = messages['FORBIDDEN.role'].en;

/** Method + path of every handler the app serves (middleware-only `ALL` entries left out), each once. */
const routesOf = (h: ApiHarness): string[] => [
  ...new Set(h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
];

/** A concrete URL for a route pattern: every parameter gets a well-formed id that names nothing. */
const urlOf = (path: string) => path.replace(/:[A-Za-z]+/g, (p) => (p === ':action' ? 'pause' : 'x-none-1'));
/** An empty JSON body where the method takes one: a role check must refuse before any body is read. */
const bodyOf = (method: string) => (method === 'GET' ? undefined : {});

describe('authorization matrix: every route, every role it must refuse', () => {
  let h: ApiHarness;
  const tokens = {} as Record<Who, string>;
  let routes: string[];
  let otherAttempt: string;

  beforeAll(async () => {
    h = await apiHarness(2);
    tokens.candidate = (await h.loginCandidate(0)).token;
    otherAttempt = (await h.loginCandidate(1)).attemptId;
    tokens.admin = await h.loginStaff('admin');
    tokens.proctor = await h.loginStaff('proctor');
    tokens.auditor = await h.loginStaff('auditor');
    routes = routesOf(h);
  }, 60_000);

  it('serves the routes this policy names, and the policy decides each one', () => {
    expect(routes.length).toBeGreaterThan(80);
    for (const r of routes) expect(() => policyOf(r), r).not.toThrow();
    for (const r of [...PROCTOR_ROUTES, ...OPEN_ROUTES])
      expect(routes, `${r} is no longer served`).toContain(r);
  });

  it('refuses every protected route without a token (401, nothing else runs)', async () => {
    const protectedRoutes = routes.filter((r) => policyOf(r).kind === 'protected');
    for (const r of protectedRoutes) {
      const [method, path] = r.split(' ') as [string, string];
      const res = await h.call(method, urlOf(path), { body: bodyOf(method) });
      expect([res.status, res.json?.error?.code], r).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('refuses a token signed with another secret on every protected route (401)', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'admin', role: 'admin', exp: 4e9 })}`;
    const forged = `${head}.${createHmac('sha256', 'not-the-secret').update(head).digest('base64url')}`;
    for (const r of routes.filter((x) => policyOf(x).kind === 'protected')) {
      const [method, path] = r.split(' ') as [string, string];
      const res = await h.call(method, urlOf(path), { token: forged, body: bodyOf(method) });
      expect(res.status, r).toBe(401);
    }
  });

  it('refuses every role the policy does not allow (403 FORBIDDEN, before the body is read)', async () => {
    let checked = 0;
    for (const r of routes) {
      const policy = policyOf(r);
      if (policy.kind !== 'protected') continue;
      const [method, path] = r.split(' ') as [string, string];
      for (const who of ['candidate', 'admin', 'proctor', 'auditor'] as const) {
        if (policy.allowed.includes(who)) continue;
        const res = await h.call(method, urlOf(path), {
          token: tokens[who],
          body: bodyOf(method),
          lang: 'en',
        });
        expect([res.status, res.json?.error?.code, res.json?.error?.message], `${who} → ${r}`).toEqual([
          403,
          'FORBIDDEN',
          ROLE_REFUSAL,
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('lets each allowed role past the role check (whatever the handler then says about the ids)', async () => {
    for (const r of routes) {
      const policy = policyOf(r);
      if (policy.kind !== 'protected') continue;
      const [method, path] = r.split(' ') as [string, string];
      for (const who of policy.allowed) {
        const res = await h.call(method, urlOf(path), {
          token: tokens[who],
          body: bodyOf(method),
          lang: 'en',
        });
        expect(res.json?.error?.message, `${who} → ${r}`).not.toBe(ROLE_REFUSAL);
        expect(res.status, `${who} → ${r}`).not.toBe(401);
        expect(res.status, `${who} → ${r}`).toBeLessThan(500);
      }
    }
  }, 60_000);

  it("refuses a candidate on every route of another candidate's attempt (403, the owner check)", async () => {
    const attemptRoutes = routes.filter((r) => r.includes('/api/candidate/attempts/:attemptId'));
    expect(attemptRoutes.length).toBeGreaterThan(10);
    for (const r of attemptRoutes) {
      const [method, path] = r.split(' ') as [string, string];
      const url = urlOf(path.replace(':attemptId', otherAttempt));
      const res = await h.call(method, url, { token: tokens.candidate, body: bodyOf(method), lang: 'en' });
      expect([res.status, res.json?.error?.message], r).toEqual([
        403,
        messages['FORBIDDEN.notYourAttempt'].en,
      ]);
    }
  });
});
