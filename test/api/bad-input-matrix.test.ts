// Every route that takes a body, called by a role it admits on real ids with a body that is not JSON, not an
// object, or an object of the wrong shape: a 4xx with a code, never a 5xx, and the table is byte-for-byte what
// it was. Every GET route with a garbage query: never a 5xx. Routes that take no body are named here, so a new
// route is checked unless it is put on that list on purpose.
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BANK_ID, DEMO_EXAM_ID, DEMO_SESSION_ID } from '../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from './harness.ts';

/** Routes whose body, if any, is never read: a bad body cannot reach them (they are covered by their own tests). */
const NO_BODY_ROUTES = new Set([
  'POST /api/candidate/attempts/:attemptId/start',
  'POST /api/candidate/attempts/:attemptId/submit',
  'POST /api/candidate/attempts/:attemptId/speed/:itemId/open',
  'POST /api/admin/sessions/:sessionId/release-pins',
  'POST /api/admin/sessions/:sessionId/sweep',
  'POST /api/admin/rosters/from-import',
  'POST /api/admin/publications/:examId',
  'POST /api/admin/publications/:examId/final',
]);

type Who = 'candidate' | 'admin' | 'auditor' | 'none';
/** The role each route admits (one is enough: the body is judged after the role). */
const callerOf = (path: string): Who => {
  if (/^\/api\/(admin|auditor|candidate)\/login$/.test(path)) return 'none';
  if (path.startsWith('/api/candidate/')) return 'candidate';
  if (path.startsWith('/api/auditor/')) return 'auditor';
  if (path.startsWith('/api/admin/')) return 'admin';
  return 'none';
};

const BAD_BODIES: Array<[string, { rawBody: string } | { body: unknown }]> = [
  ['not JSON', { rawBody: '{"steps": [' }],
  ['a JSON array', { body: [1, 2, 3] }],
  ['a JSON string', { body: 'halo' }],
  ['an object of the wrong shape', { body: { zzz: 1, steps: 'x', regNo: 42, name: { a: 1 } } }],
];

/** JSON with every object's keys sorted, so two reads of the same item compare equal as strings. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

describe('bad input matrix: every body route refuses what it cannot read, nothing written', () => {
  let h: ApiHarness;
  let tokens: Record<Exclude<Who, 'none'>, string>;
  let ids: Record<string, string>;

  const scanTable = async (): Promise<string[]> => {
    const { dynamoEndpoint, region, credentials, tableName } = h.storeConfig;
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region, credentials });
    const items: string[] = [];
    for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true }))
      for (const item of page.Items ?? []) items.push(canonical(item));
    client.destroy();
    return items.sort();
  };

  beforeAll(async () => {
    h = await apiHarness(1);
    const candidate = await h.started(0);
    tokens = {
      candidate: candidate.token,
      admin: await h.loginStaff('admin'),
      auditor: await h.loginStaff('auditor'),
    };
    ids = {
      ':attemptId': candidate.attemptId,
      ':sessionId': DEMO_SESSION_ID,
      ':examId': DEMO_EXAM_ID,
      ':bankId': DEMO_BANK_ID,
      ':formationId': 'F-ANALIS-001',
      ':regNo': h.demo.candidates[0]!.regNo,
      ':userId': h.demo.proctor.username,
      ':version': '1',
      ':action': 'pause',
    };
  }, 60_000);

  const routes = () => [
    ...new Set(h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ];
  const urlOf = (path: string) => path.replace(/:[A-Za-z]+/g, (p) => ids[p] ?? 'x-none-1');

  it('refuses a bad body on every body route with a 4xx and a code; the table is unchanged', async () => {
    const before = await scanTable();
    expect(before.length).toBeGreaterThan(50);
    const bodyRoutes = routes().filter((r) => !r.startsWith('GET ') && !NO_BODY_ROUTES.has(r));
    expect(bodyRoutes.length).toBeGreaterThan(30);
    for (const r of bodyRoutes) {
      const [method, path] = r.split(' ') as [string, string];
      const who = callerOf(path);
      for (const [name, input] of BAD_BODIES) {
        const res = await h.call(method, urlOf(path), {
          ...input,
          token: who === 'none' ? undefined : tokens[who],
        });
        expect(res.status, `${r} with ${name}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${r} with ${name}`).toBeLessThan(500);
        expect(typeof res.json?.error?.code, `${r} with ${name}`).toBe('string');
      }
    }
    expect(await scanTable()).toEqual(before);
  }, 60_000);

  it('answers a garbage query on every GET route with something other than a 5xx', async () => {
    const query = '?limit=-7&cursor=%E0%A4%A&offset=abc&from=2026-13-45&lang=xx&zzz=%00';
    for (const r of routes().filter((x) => x.startsWith('GET '))) {
      const path = r.slice(4);
      const who = callerOf(path);
      const res = await h.call('GET', urlOf(path) + query, {
        token: who === 'none' ? undefined : tokens[who],
      });
      expect(res.status, r).toBeLessThan(500);
    }
  }, 60_000);
});
