import { beforeAll, describe, expect, it } from 'vitest';
import { apiHarness } from '../harness.ts';

type H = Awaited<ReturnType<typeof apiHarness>>;
let h: H;
let admin: string;
let proctor: string;
let auditor: string;
const ANSWERED = 5;

beforeAll(async () => {
  h = await apiHarness(3);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
  for (let i = 0; i < 3; i++) {
    const s = await h.started(i);
    const steps = s.form.items
      .slice(0, ANSWERED)
      .map((item: { itemId: string; options: Array<{ id: string }> }, k: number) => ({
        seq: k + 1,
        type: 'answered',
        itemId: item.itemId,
        choice: item.options[i % item.options.length]?.id,
      }));
    const saved = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps },
    });
    expect(saved.status).toBe(200);
    const sub = await h.call('POST', `/api/admin/attempts/${s.attemptId}/submit`, {
      token: admin,
      body: { reason: 'selesai' },
    });
    expect(sub.status).toBe(200);
  }
});

describe('results', () => {
  it('per session: one row per finished attempt, highest total first; CSV with BOM opens in Excel', async () => {
    const res = await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/results`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.sectionIds).toEqual(['TWK', 'TIU', 'TKP']);
    expect(res.json.results).toHaveLength(3);
    const totals = res.json.results.map((r: { total: number }) => r.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(res.json.results[0]).toMatchObject({
      name: expect.any(String),
      logHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const csv = await h.app.request(`/api/admin/sessions/${h.demo.sessionId}/results?format=csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('registration_number,name,formation,TWK,TIU,TKP,total,passed,receipt_hash');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(res.json.results[0].logHash);
  });

  it('per formation, in ranking order', async () => {
    const formationId = (await h.store.sessions.listRoster(h.demo.sessionId))[0]?.formationId;
    const res = await h.call('GET', `/api/admin/formations/${formationId}/results`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.results.length).toBeGreaterThan(0);
  });

  it('item statistics count each item over the attempts served it; answered = steps saved', async () => {
    const res = await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/item-statistics`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    const items = res.json.items as Array<{ served: number; omitted: number; p: number }>;
    // every SKD form has 110 scored items; a served item is counted once per attempt that had it
    expect(items.reduce((s, i) => s + i.served, 0)).toBe(3 * 110);
    expect(items.every((i) => i.served >= 1 && i.served <= 3 && i.p >= 0 && i.p <= 1)).toBe(true);
    expect(items.reduce((s, i) => s + i.served - i.omitted, 0)).toBe(3 * ANSWERED);
    expect(res.json.sections.map((s: { sectionId: string }) => s.sectionId)).toEqual(['TIU', 'TKP', 'TWK']);
    const csv = await h.app.request(`/api/admin/sessions/${h.demo.sessionId}/item-statistics?format=csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toMatch(/^section,item,served,p,point_biserial,.*omitted,flags$/);
  });

  it.each([
    (sid: string) => `/sessions/${sid}/results`,
    (sid: string) => `/sessions/${sid}/item-statistics`,
    () => '/formations/F-ANALIS-001/results',
  ])('role matrix for %s: admin and auditor read; proctor 403; anonymous 401', async (path) => {
    const p = path(h.demo.sessionId);
    expect((await h.call('GET', `/api/admin${p}`, { token: admin })).status).toBe(200);
    expect((await h.call('GET', `/api/auditor${p}`, { token: auditor })).status).toBe(200);
    expect((await h.call('GET', `/api/admin${p}`, { token: proctor })).status).toBe(403);
    expect((await h.call('GET', `/api/admin${p}`, { token: auditor })).status).toBe(403);
    expect((await h.call('GET', `/api/admin${p}`)).status).toBe(401);
    expect((await h.call('GET', `/api/auditor${p}`)).status).toBe(401);
  });

  it('unknown session 404, bad format 400', async () => {
    expect((await h.call('GET', '/api/admin/sessions/NOPE/results', { token: admin })).status).toBe(404);
    expect(
      (await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/results?format=xls`, { token: admin }))
        .status,
    ).toBe(400);
  });
});
