// Psych battery through the API: likert answers, Kraepelin sheet opened on the server clock, entries saved in
// batches with late ones refused, the confidential report and who may read it.
import { beforeAll, describe, expect, it } from 'vitest';
import { columnKey } from '../../../functions/domain/psych/kraepelin.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(2);
});

const SPEED_GRACE = 5_000;
const COLUMN_MS = 15_000;

/** Like the exam page, a test device keeps its token: once its attempt runs, a new login would be refused. */
const kept = new Map<number, { token: string; attemptId: string }>();
const loginPsych = async (i: number) => {
  const c = h.demo.psych.candidates[i]!;
  const res = kept.has(i)
    ? { status: 200, json: kept.get(i) }
    : await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
  expect(res.status).toBe(200);
  kept.set(i, res.json);
  const { token, attemptId } = res.json as { token: string; attemptId: string };
  const state = await h.call('GET', `/api/candidate/attempts/${attemptId}`, { token });
  if (state.json.state === 'ready') {
    const start = await h.call('POST', `/api/candidate/attempts/${attemptId}/start`, { token });
    expect(start.status).toBe(200);
  }
  const form = await h.call('GET', `/api/candidate/attempts/${attemptId}/form`, { token });
  return { token, attemptId, form: form.json };
};

type Sheet = { digits: number[][]; startedAt: number; columnSeconds: number; entries: unknown[] };

describe('psych battery', () => {
  let s: Awaited<ReturnType<typeof loginPsych>>;
  let sheet: Sheet;
  let keys: number[][];
  const put = (steps: unknown[]) =>
    h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, { token: s.token, body: { steps } });
  // Items travel under per-attempt wire ids (domain/wire.ts).
  const wireOf = (kind: string, n = 0) =>
    (s.form.items as Array<{ kind: string; itemId: string }>).filter((i) => i.kind === kind)[n]!.itemId;
  const entry = (seq: number, column: number, row: number, digit: number) => ({
    seq,
    type: 'entered',
    itemId: wireOf('speed'),
    column,
    row,
    digit,
  });

  beforeAll(async () => {
    s = await loginPsych(0);
  });

  it('the form has the 50 inventory items (likert, no option texts) and the Kraepelin sheet', () => {
    const items = s.form.items as Array<{ kind: string; options: unknown[]; itemId: string }>;
    expect(items).toHaveLength(51);
    expect(items.filter((i) => i.kind === 'likert')).toHaveLength(50);
    expect(items.filter((i) => i.kind === 'likert').every((i) => i.options.length === 0)).toBe(true);
    expect(items.at(-1)).toMatchObject({ kind: 'speed' });
  });

  it('likert answers 1..5 save; anything else is a 400 with nothing written', async () => {
    const ok = await put([{ seq: 1, type: 'answered', itemId: wireOf('likert'), choice: '5' }]);
    expect(ok.status).toBe(200);
    const bad = await put([{ seq: 2, type: 'answered', itemId: wireOf('likert', 1), choice: '6' }]);
    expect(bad.status).toBe(400);
  });

  it('entries before the sheet is opened are recorded as refused, never counted', async () => {
    const res = await put([entry(3, 0, 0, 1)]);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ acked: [3], refused: [3] });
  });

  it('opening the sheet fixes its start on the server clock; opening again returns the same sheet', async () => {
    h.advance(1_000);
    const open = await h.call(
      'POST',
      `/api/candidate/attempts/${s.attemptId}/speed/${wireOf('speed')}/open`,
      {
        token: s.token,
      },
    );
    expect(open.status).toBe(200);
    sheet = open.json;
    expect(sheet.startedAt).toBe(h.now());
    expect(sheet.digits).toHaveLength(10);
    expect(sheet.digits[0]).toHaveLength(21);
    keys = sheet.digits.map(columnKey);
    h.advance(3_000);
    const again = await h.call(
      'POST',
      `/api/candidate/attempts/${s.attemptId}/speed/${wireOf('speed')}/open`,
      {
        token: s.token,
      },
    );
    expect(again.json.startedAt).toBe(sheet.startedAt);
    expect(again.json.digits).toEqual(sheet.digits);
  });

  it('a batch of entries is acknowledged; a retry of the same seqs is a no-op', async () => {
    const k = keys[0]!;
    const batch = [entry(4, 0, 0, k[0]!), entry(5, 0, 1, k[1]!), entry(6, 0, 2, (k[2]! + 1) % 10)];
    const res = await put(batch);
    expect(res.status).toBe(200);
    expect(res.json.acked).toEqual([4, 5, 6]);
    expect(res.json.refused).toBeUndefined();
    expect((await put(batch)).json.acked).toEqual([4, 5, 6]);
  });

  it('an entry after its column deadline + grace is refused; the open column takes entries', async () => {
    h.advance(sheet.startedAt + COLUMN_MS + SPEED_GRACE + 1 - h.now());
    const res = await put([entry(7, 0, 3, keys[0]![3]!), entry(8, 1, 0, keys[1]![0]!)]);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ acked: [7, 8], refused: [7] });
  });

  it('an entry for a column not yet open (beyond the grace) is refused', async () => {
    const res = await put([entry(9, 5, 0, keys[5]![0]!)]);
    expect(res.json).toMatchObject({ acked: [9], refused: [9] });
  });

  it.each([
    ['a column outside the sheet', 'speed', { column: 10, row: 0, digit: 1 }],
    ['a row past the last addition', 'speed', { column: 1, row: 20, digit: 1 }],
    ['a two-digit entry', 'speed', { column: 1, row: 0, digit: 12 }],
    ['an entry on a likert item', 'likert', { column: 1, row: 0, digit: 1 }],
  ])('%s is a 400', async (_n, kind, cell) => {
    const res = await put([{ seq: 10, type: 'entered', itemId: wireOf(kind), ...cell }]);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
  });

  it('the report is not there before the attempt is finished', async () => {
    const res = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/psych-report`, {
      token: s.token,
    });
    expect(res.status).toBe(404);
  });

  it('after submit the candidate reads their report: counted entries only, factors with blanks over the limit invalid', async () => {
    const sub = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
    expect(sub.status).toBe(200);
    // The slip carries factor scores and Kraepelin measures, not a likert sum.
    expect(sub.json.psych.factors.map((f: { status: string; raw: unknown }) => [f.status, f.raw])).toEqual(
      Array(5).fill(['invalid', null]),
    );
    expect(sub.json.psych.speed).toEqual([
      {
        panker: 0.3,
        tianker: 1,
        jankerRange: 2,
        jankerMad: expect.closeTo(0.48, 9),
        hanker: expect.any(Number),
      },
    ]);
    expect(sub.json.pseudonym).toBeNull(); // never published: no publication pseudonym on the slip
    const again = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(again.json.psych).toEqual(sub.json.psych);
    const res = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/psych-report`, {
      token: s.token,
    });
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r.confidential).toBe(true);
    // column 0: 2 correct + 1 error (the late row 3 refused); column 1: 1 correct; nothing else
    expect(r.speed[0].curve).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.speed[0].errors[0]).toBe(1);
    expect(r.speed[0].tianker).toBe(1);
    // only one inventory item answered: 9 blanks > 2 allowed -> every factor invalid
    expect(r.factors).toHaveLength(5);
    expect(r.factors.every((f: { status: string }) => f.status === 'invalid')).toBe(true);
    expect(r.normGroup).toBeNull();
  });

  it('admins and auditors read the report; proctors, other candidates and SKD candidates do not', async () => {
    const admin = await h.loginStaff('admin');
    const auditor = await h.loginStaff('auditor');
    const proctor = await h.loginStaff('proctor');
    expect(
      (await h.call('GET', `/api/admin/attempts/${s.attemptId}/psych-report`, { token: admin })).status,
    ).toBe(200);
    expect(
      (await h.call('GET', `/api/auditor/attempts/${s.attemptId}/psych-report`, { token: auditor })).status,
    ).toBe(200);
    expect(
      (await h.call('GET', `/api/admin/attempts/${s.attemptId}/psych-report`, { token: proctor })).status,
    ).toBe(403);
    const other = await loginPsych(1);
    const res = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/psych-report`, {
      token: other.token,
    });
    expect(res.status).toBe(403);
    const skd = await h.loginCandidate(0);
    const cross = await h.call(
      'POST',
      `/api/candidate/attempts/${s.attemptId}/speed/${wireOf('speed')}/open`,
      {
        token: skd.token,
      },
    );
    expect(cross.status).toBe(403);
    expect((await h.call('GET', '/api/auditor/attempts/anything/psych-report', {})).status).toBe(401);
  });

  it('the report of an SKD attempt is not a psych report (404)', async () => {
    const skd = await h.started(1);
    const slip = await h.call('POST', `/api/candidate/attempts/${skd.attemptId}/submit`, {
      token: skd.token,
    });
    expect(slip.status).toBe(200);
    expect(slip.json.psych).toBeUndefined();
    const admin = await h.loginStaff('admin');
    const res = await h.call('GET', `/api/admin/attempts/${skd.attemptId}/psych-report`, { token: admin });
    expect(res.status).toBe(404);
  });

  it('opening a sheet of an item not on the form is a 404; a finished attempt cannot open one', async () => {
    const res = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/speed/${wireOf('speed')}/open`, {
      token: s.token,
    });
    expect(res.status).toBe(409);
    const other = await loginPsych(1);
    const nf = await h.call(
      'POST',
      `/api/candidate/attempts/${other.attemptId}/speed/${(other.form.items as Array<{ kind: string; itemId: string }>)[0]!.itemId}/open`,
      {
        token: other.token,
      },
    );
    expect(nf.status).toBe(404);
  });
});
