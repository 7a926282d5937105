// A proctor pause during a Kraepelin sheet, through the Hono app: entries during the pause are refused, after
// the resume every column deadline is shifted by the paused time; an extension moves no column.
import { beforeAll, describe, expect, it } from 'vitest';
import { columnKey } from '../../../functions/domain/psych/kraepelin.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
let admin: string;
let token: string;
let attemptId: string;
let wire: string;
let keys: number[][];
let startedAt: number;

const SPEED_GRACE = 5_000;
const COLUMN_MS = 15_000;
const PAUSE_MS = 60_000;

const put = (steps: unknown[]) =>
  h.call('PUT', `/api/candidate/attempts/${attemptId}/answers`, { token, body: { steps } });
const entry = (seq: number, column: number, row: number, right = true) => ({
  seq,
  type: 'entered',
  itemId: wire,
  column,
  row,
  digit: right ? keys[column]![row]! : (keys[column]![row]! + 1) % 10,
});
const open = () =>
  h.call('POST', `/api/candidate/attempts/${attemptId}/speed/${wire}/open`, { token, body: {} });
const proctorAct = (act: 'pause' | 'resume' | 'extend', body: Record<string, unknown>) =>
  h.call('POST', `/api/admin/attempts/${attemptId}/${act}`, { token: admin, body });
/** Moves the test clock to `ms` after the sheet's start. */
const at = (ms: number) => h.advance(startedAt + ms - h.now());

beforeAll(async () => {
  h = await apiHarness(1);
  admin = await h.loginStaff('admin');
  const c = h.demo.psych.candidates[2]!;
  const login = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
  ({ token, attemptId } = login.json);
  expect((await h.call('POST', `/api/candidate/attempts/${attemptId}/start`, { token })).status).toBe(200);
  const form = await h.call('GET', `/api/candidate/attempts/${attemptId}/form`, { token });
  wire = (form.json.items as Array<{ kind: string; itemId: string }>).find((i) => i.kind === 'speed')!.itemId;
  const sheet = await open();
  expect(sheet.json.pausedMs).toBe(0);
  startedAt = sheet.json.startedAt;
  keys = (sheet.json.digits as number[][]).map(columnKey);
});

describe('a proctor pause during the Kraepelin sheet', () => {
  it('entries before the pause count; during the pause the save is refused (423) with nothing written', async () => {
    at(2_000);
    expect((await put([entry(1, 0, 0)])).json).toMatchObject({ acked: [1] });
    at(4_000); // 11 s left in column 0
    expect((await proctorAct('pause', { reason: 'listrik padam' })).status).toBe(200);
    at(30_000);
    const refused = await put([entry(2, 0, 1)]);
    expect(refused.status).toBe(423);
    expect(refused.json.error.code).toBe('ATTEMPT_PAUSED');
    expect((await open()).status).toBe(409);
  });

  it('after the resume the sheet reports the paused time; the open column keeps the time it had left', async () => {
    at(4_000 + PAUSE_MS);
    expect((await proctorAct('resume', { reason: 'listrik menyala' })).status).toBe(200);
    const sheet = await open();
    expect(sheet.json).toMatchObject({ startedAt, pausedMs: PAUSE_MS });
    // 64 s after the start: unshifted, column 0 closed long ago; shifted it has 11 s left.
    const res = await put([entry(2, 0, 1), entry(3, 0, 2, false)]);
    expect(res.json.acked).toEqual([2, 3]);
    expect(res.json.refused).toBeUndefined();
  });

  it('column 0 closes at its shifted deadline + grace; column 1 opens then with its full time', async () => {
    at(PAUSE_MS + COLUMN_MS + SPEED_GRACE + 1);
    const res = await put([entry(4, 0, 3), entry(5, 1, 0)]);
    expect(res.json).toMatchObject({ acked: [4, 5], refused: [4] });
    at(PAUSE_MS + 2 * COLUMN_MS - 1); // the last ms of column 1's full 15 s
    expect((await put([entry(6, 1, 1)])).json.refused).toBeUndefined();
    expect((await put([entry(7, 2, 0)])).json.refused).toBeUndefined(); // column 2 within its early grace
    at(PAUSE_MS + 2 * COLUMN_MS + SPEED_GRACE + 1);
    expect((await put([entry(8, 1, 2)])).json.refused).toEqual([8]);
  });

  it('an extension moves the attempt deadline, not the columns', async () => {
    expect((await proctorAct('extend', { reason: 'akomodasi', minutes: 5 })).status).toBe(200);
    expect((await open()).json.pausedMs).toBe(PAUSE_MS);
    expect((await put([entry(9, 3, 0)])).json.refused).toEqual([9]); // column 3 opens at +105 s
  });

  it('the report counts exactly the accepted entries on the shifted columns', async () => {
    expect((await h.call('POST', `/api/candidate/attempts/${attemptId}/submit`, { token })).status).toBe(200);
    const report = await h.call('GET', `/api/admin/attempts/${attemptId}/psych-report`, { token: admin });
    expect(report.status).toBe(200);
    const [k] = report.json.speed;
    expect(k.curve).toEqual([2, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(k.errors[0]).toBe(1);
  });
});
