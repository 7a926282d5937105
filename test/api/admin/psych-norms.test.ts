// Psych norm settings through the Hono app: who may read and set them, bad bodies and bad CSVs refused with
// nothing written, and an imported table (percentile points, cut-offs) wired into the report.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAM_ID, DEMO_PSYCH_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';
import { likertItems, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
let admin: string;
let attemptId: string;
const path = `/api/admin/exams/${DEMO_PSYCH_EXAM_ID}/psych-norms`;

const CSV = [
  'instrument,measure,mean,sd,n,p10,p50,p90',
  'big5,extraversion,25,5,,20,25,32',
  'big5,intellect,34,2,500,,,',
  'kraepelin,panker,10,2,500,,,',
].join('\n');

const put = (body: unknown, token = admin) => h.call('PUT', path, { token, body });
const report = async () =>
  (await h.call('GET', `/api/admin/attempts/${attemptId}/psych-report`, { token: admin })).json;

beforeAll(async () => {
  h = await apiHarness(1);
  admin = await h.loginStaff('admin');
  // One finished psych attempt: every inventory item answered 3 (every factor raw 30), no Kraepelin entry.
  ({ attemptId } = await sitAndSubmit(
    h,
    { psych: 0 },
    likertItems(() => '3'),
  ));
});

describe('psych norm settings', () => {
  it('default: the exam candidates, cut-offs T 40 / 60, never set', async () => {
    const res = await h.call('GET', path, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.norms).toEqual({
      examId: DEMO_PSYCH_EXAM_ID,
      source: 'candidates',
      table: null,
      cutoffs: { lowBelow: 40, highAbove: 60 },
      setAt: null,
      setBy: null,
    });
    const r = await report();
    expect(r.normGroup).toBeNull(); // one finished candidate: no group yet
    expect(r.cutoffs).toEqual({ lowBelow: 40, highAbove: 60 });
  });

  it('proctors, auditors, candidates and anonymous callers can neither read nor set them', async () => {
    const proctor = await h.loginStaff('proctor');
    const auditor = await h.loginStaff('auditor');
    const body = { source: 'candidates', reason: 'uji peran' };
    expect((await h.call('GET', path, { token: proctor })).status).toBe(403);
    expect((await put(body, proctor)).status).toBe(403);
    expect((await put(body, auditor)).status).toBe(403);
    const cand = await h.loginCandidate(0);
    expect((await put(body, cand.token)).status).toBe(403);
    expect((await h.call('PUT', path, { body })).status).toBe(401);
    expect((await h.call('GET', path, { token: admin })).json.norms.setAt).toBeNull();
  });

  it.each([
    ['no reason', { source: 'candidates' }],
    ['a table without its CSV', { source: 'table', description: 'norma', reason: 'impor' }],
    [
      'cut-offs low above high',
      { source: 'candidates', reason: 'batas', cutoffs: { lowBelow: 70, highAbove: 30 } },
    ],
    ['an unknown field', { source: 'candidates', reason: 'batas', extra: 1 }],
  ])('%s -> 400, nothing written', async (_n, body) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect((await h.call('GET', path, { token: admin })).json.norms.setAt).toBeNull();
  });

  it.each([
    ['a missing column', 'instrument,measure,mean\nbig5,intellect,3', 'line 1 sd'],
    ['a text where a number belongs', 'instrument,measure,mean,sd\nbig5,intellect,tiga,1', 'line 2 mean'],
    ['an unknown instrument', 'instrument,measure,mean,sd\nmbti,intellect,3,1', 'line 2'],
    ['sd 0', 'instrument,measure,mean,sd\nbig5,intellect,3,0', 'line 2'],
  ])('a CSV with %s -> 400 naming the line, nothing written', async (_n, csv, field) => {
    const res = await put({ source: 'table', csv, description: 'norma uji', reason: 'impor' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect((await h.call('GET', path, { token: admin })).json.norms.setAt).toBeNull();
  });

  it('a non-psych exam has no norm settings (404)', async () => {
    const res = await h.call('GET', `/api/admin/exams/${DEMO_EXAM_ID}/psych-norms`, { token: admin });
    expect(res.status).toBe(404);
  });

  it('an imported table is the report norm group: T from mean/sd, percentile from its points', async () => {
    const res = await put({
      source: 'table',
      csv: CSV,
      description: 'Norma lokal uji 2026',
      reason: 'impor norma',
    });
    expect(res.status).toBe(200);
    expect(res.json.norms).toMatchObject({ source: 'table', setBy: expect.any(String) });
    expect(Object.keys(res.json.norms.table.scales).sort()).toEqual([
      'big5.extraversion',
      'big5.intellect',
      'kraepelin.panker',
    ]);
    const r = await report();
    expect(r.normGroup).toEqual({ kind: 'table', description: 'Norma lokal uji 2026', n: null });
    const factor = (name: string) => r.factors.find((f: { factor: string }) => f.factor === name);
    // extraversion raw 30: z (30 − 25) / 5 = 1, T 60 (average at the cut-off), P 50 + 5/7 · 40 from the points
    expect(factor('extraversion').norm).toMatchObject({ z: 1, t: 60, category: 'average' });
    expect(factor('extraversion').norm.percentile).toBeCloseTo(78.571, 3);
    // intellect raw 30: z −2, T 30 -> low; no points -> normal approximation P 2.275
    expect(factor('intellect').norm).toMatchObject({ z: -2, t: 30, category: 'low' });
    expect(factor('intellect').norm.percentile).toBeCloseTo(2.275, 2);
    expect(factor('agreeableness').norm).toBeNull(); // not in the table
    // panker 0: z −5, T 0 -> low
    expect(r.speed[0].norms.panker).toMatchObject({ z: -5, t: 0, category: 'low' });
  });

  it('configured cut-offs change the categories; the audit log has the change', async () => {
    const res = await put({
      source: 'table',
      csv: CSV,
      description: 'Norma lokal uji 2026',
      reason: 'batas kategori',
      cutoffs: { lowBelow: 45, highAbove: 55 },
    });
    expect(res.status).toBe(200);
    const r = await report();
    expect(r.cutoffs).toEqual({ lowBelow: 45, highAbove: 55 });
    expect(r.factors.find((f: { factor: string }) => f.factor === 'extraversion').norm.category).toBe('high');
    const entries = await h.services.auditLog.list(new Date(h.now()).toISOString().slice(0, 10));
    expect(entries.filter((e) => e.action === 'exam.psychNorms').map((e) => e.reason)).toEqual([
      'impor norma',
      'batas kategori',
    ]);
  });

  it('back to the candidates: the report says so (no group with one finished candidate)', async () => {
    expect((await put({ source: 'candidates', reason: 'kembali ke peserta' })).status).toBe(200);
    expect((await report()).normGroup).toBeNull();
  });
});
