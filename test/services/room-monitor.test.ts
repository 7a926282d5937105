// Room monitor data against a session with attempts in every state, answered count / last save, and its store cost.
import { beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_EVERY_MS } from '../../functions/services/room-progress.ts';
import { storeUnits } from '../../functions/store/index.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

let h: ApiHarness;
let admin: string;
let path: string;
const MIN = 60_000;
type Row = { regNo: string; state: string; answered: number | null; lastSaveAt: number | null };
let running: Awaited<ReturnType<ApiHarness['started']>>;
let firstSaveAt: number;

const save = async (seq: number, answered: number) => {
  const item = running.form.items[seq - 1];
  return h.call('PUT', `/api/candidate/attempts/${running.attemptId}/answers`, {
    token: running.token,
    body: { steps: [{ seq, type: 'answered', itemId: item.itemId, choice: item.options[0].id }], answered },
  });
};

beforeAll(async () => {
  h = await apiHarness(6);
  admin = await h.loginStaff('admin');
  path = `/api/admin/sessions/${h.demo.sessionId}/room`;
  // c4 starts first and expires; c1 runs, c2 pauses, c3 submits, c5 only logs in, c0 never comes.
  await h.started(4);
  h.advance(50 * MIN);
  running = await h.started(1);
  const paused = await h.started(2);
  const submitted = await h.started(3);
  await h.loginCandidate(5);
  await h.call('POST', `/api/admin/attempts/${paused.attemptId}/pause`, {
    token: admin,
    body: { reason: 'toilet' },
  });
  await h.call('POST', `/api/admin/attempts/${submitted.attemptId}/submit`, {
    token: admin,
    body: { reason: 'selesai' },
  });
  expect((await save(1, 1)).status).toBe(200); // the attempt's first minute: no progress write
  expect(rowOf(await rows(), 1)).toMatchObject({ state: 'running', answered: null, lastSaveAt: null });
  h.advance(PROGRESS_EVERY_MS);
  firstSaveAt = h.now();
  expect((await save(2, 2)).status).toBe(200);
  h.advance(10_000);
  expect((await save(3, 3)).status).toBe(200); // inside the throttle: not written
  h.advance(55 * MIN);
  expect(
    (await h.call('POST', `/api/admin/sessions/${h.demo.sessionId}/sweep`, { token: admin })).status,
  ).toBe(200);
});

const rows = async (): Promise<Row[]> => {
  const res = await h.call('GET', `${path}?limit=1000`, { token: admin });
  expect(res.status).toBe(200);
  return res.json.rows;
};
const rowOf = (all: Row[], i: number) => all.find((r) => r.regNo === h.demo.candidates[i]!.regNo)!;

describe('room monitor data', () => {
  it('shows every state: absent, ready (logged in), running, paused, submitted, expired', async () => {
    const all = await rows();
    expect([0, 5, 1, 2, 3, 4].map((i) => rowOf(all, i).state)).toEqual([
      'absent',
      'ready',
      'running',
      'paused',
      'submitted',
      'expired',
    ]);
    const res = await h.call('GET', path, { token: admin });
    expect(res.json.counts).toEqual({ absent: 1, ready: 1, running: 1, paused: 1, submitted: 1, expired: 1 });
  });

  it('answered count and last save come from the throttled progress write (≤ 1 per attempt per 60 s)', async () => {
    const r = rowOf(await rows(), 1);
    expect(r).toMatchObject({ answered: 2, lastSaveAt: firstSaveAt }); // the third save was throttled
    expect(rowOf(await rows(), 0)).toMatchObject({ answered: null, lastSaveAt: null });
    expect(PROGRESS_EVERY_MS).toBe(60_000);
    const at = h.now();
    expect((await save(4, 4)).status).toBe(200); // the throttle has passed: written again
    expect(rowOf(await rows(), 1)).toMatchObject({ answered: 4, lastSaveAt: at });
  });

  it('sorts by answered count and by last save (longest silence first)', async () => {
    const byAnswered = await h.call('GET', `${path}?sort=answered`, { token: admin });
    expect(byAnswered.json.rows.at(-1).regNo).toBe(h.demo.candidates[1]!.regNo);
    const byLast = await h.call('GET', `${path}?sort=lastSave`, { token: admin });
    expect(byLast.json.rows[0].regNo).toBe(h.demo.candidates[1]!.regNo);
  });

  it('costs the session read + three paged queries per refresh (roster, GSI1 attempts, progress)', async () => {
    const before = storeUnits.snapshot();
    expect((await h.call('GET', path, { token: admin })).status).toBe(200);
    const after = storeUnits.snapshot();
    // The session META (one get) + roster, attempts and progress: one page each at this size.
    expect(after.reads - before.reads).toBe(4);
  });
});
