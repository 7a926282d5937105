// The psych SKB component through the Hono app: per candidate 0..100 from a configured measure (mean percent
// of maximum, or mean T under the exam's norm settings), as JSON or as the SKB import's psikotes column; admins only.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_ID, DEMO_PSYCH_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';
import { likertItems, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
let admin: string;
const path = `/api/admin/exams/${DEMO_PSYCH_EXAM_ID}/psych-skb-component`;
const regNos: string[] = [];

/** Candidate i answers every inventory item `choice` (likert 1..5) and submits. */
const sit = async (i: number, choice: string | null) => {
  const s = await sitAndSubmit(h, { psych: i }, choice === null ? () => [] : likertItems(() => choice));
  regNos.push(s.regNo);
};

beforeAll(async () => {
  h = await apiHarness(1);
  admin = await h.loginStaff('admin');
  // Every item 3 -> every factor raw 30 (reverse keys 6 − 3 = 3), POMP 50. Every item 4: positive items 4,
  // reverse items 2, so each factor's raw depends on its keys (a value in 0..100).
  await sit(0, '3');
  await sit(1, '4');
  await sit(2, null); // nothing answered: every factor invalid
});

describe('psych SKB component', () => {
  it('meanPomp: the mean percent of maximum of the valid factors; null with a reason when none is valid', async () => {
    const res = await h.call('GET', `${path}?measure=meanPomp`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ component: 'PSIKOTES', measure: 'meanPomp', normSource: 'candidates' });
    const [a, b, c] = res.json.rows;
    expect(res.json.rows.map((r: { regNo: string }) => r.regNo)).toEqual([...regNos].sort());
    expect(a).toMatchObject({ value: 50, reason: null }); // all 3s: raw 30 per factor = 50 % of maximum
    expect(b.value).toBeGreaterThanOrEqual(0);
    expect(b.value).toBeLessThanOrEqual(100);
    expect(c).toMatchObject({ value: null, reason: 'noValidFactor' });
  });

  it('meanT under an imported table: mean of the factors T, clamped to 0..100', async () => {
    const csv = [
      'instrument,measure,mean,sd',
      'big5,extraversion,25,5', // raw 30 -> T 60
      'big5,intellect,34,2', // raw 30 -> T 30
    ].join('\n');
    const put = await h.call('PUT', `/api/admin/exams/${DEMO_PSYCH_EXAM_ID}/psych-norms`, {
      token: admin,
      body: { source: 'table', csv, description: 'norma uji', reason: 'impor norma' },
    });
    expect(put.status).toBe(200);
    const res = await h.call('GET', path, { token: admin }); // meanT is the default measure
    expect(res.json).toMatchObject({ measure: 'meanT', normSource: 'table' });
    expect(res.json.rows[0]).toMatchObject({ regNo: [...regNos].sort()[0], value: 45, reason: null }); // (60 + 30) / 2
    expect(res.json.rows[2]).toMatchObject({ value: null, reason: 'noNorm' });
  });

  it('as CSV: the no_peserta,psikotes columns the SKB score import reads (empty when not formed)', async () => {
    const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    const res = await h.app.request(
      `${path}?measure=meanPomp&format=csv`,
      { headers: { authorization: `Bearer ${admin}` } },
      env,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).split('\r\n');
    const [first, second, third] = [...regNos].sort();
    expect(lines[0]).toBe('no_peserta,psikotes');
    expect(lines[1]).toBe(`${first},50`);
    expect(lines[2]).toMatch(new RegExp(`^${second},\\d+(\\.\\d{1,3})?$`));
    expect(lines[3]).toBe(`${third},`);
    expect(lines[4]).toBe('');
  });

  it.each([
    ['an unknown measure', '?measure=median'],
    ['an unknown format', '?format=xlsx'],
    ['an unknown parameter', '?weight=10'],
  ])('%s -> 400', async (_n, q) => {
    const res = await h.call('GET', `${path}${q}`, { token: admin });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
  });

  it('proctors, auditors, candidates and anonymous callers are refused; a non-psych exam is 404', async () => {
    expect((await h.call('GET', path, { token: await h.loginStaff('proctor') })).status).toBe(403);
    expect((await h.call('GET', path, { token: await h.loginStaff('auditor') })).status).toBe(403);
    expect((await h.call('GET', path, { token: (await h.loginCandidate(0)).token })).status).toBe(403);
    expect((await h.call('GET', path, {})).status).toBe(401);
    const other = `/api/admin/exams/${DEMO_EXAM_ID}/psych-skb-component`;
    expect((await h.call('GET', other, { token: admin })).status).toBe(404);
  });
});
