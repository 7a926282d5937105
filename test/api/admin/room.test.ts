import { beforeAll, describe, expect, it } from 'vitest';
import { roomView } from '../../../functions/domain/room-view.ts';
import { storeUnits } from '../../../functions/store/index.ts';
import { seedRoom } from '../../fixtures/room.ts';
import { apiHarness } from '../harness.ts';

type H = Awaited<ReturnType<typeof apiHarness>>;
let h: H;
let admin: string;
let proctor: string;
let auditor: string;
let stranger: string;
let path: string;

beforeAll(async () => {
  h = await apiHarness(5);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
  stranger = await h.loginOtherProctor('pengawas9', 'P9');
  path = `/api/admin/sessions/${h.demo.sessionId}/room`;
  const a0 = await h.started(0);
  const a1 = await h.started(1);
  const a2 = await h.started(2);
  await h.call('POST', `/api/admin/attempts/${a1.attemptId}/pause`, {
    token: proctor,
    body: { reason: 'listrik padam' },
  });
  await h.call('POST', `/api/admin/attempts/${a2.attemptId}/submit`, {
    token: proctor,
    body: { reason: 'selesai' },
  });
  await h.call('POST', `/api/admin/attempts/${a0.attemptId}/reset-device`, {
    token: proctor,
    body: { reason: 'laptop rusak' },
  });
  h.advance(60_000);
});

describe('room monitor', () => {
  it('lists every rostered candidate, absentees included, with state, remaining time and device changes', async () => {
    const res = await h.call('GET', path, { token: proctor });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(5);
    expect(res.json.counts).toEqual({ absent: 2, ready: 0, running: 1, paused: 1, submitted: 1, expired: 0 });
    const [c0, c1, c2, c3] = h.demo.candidates;
    const row = (regNo: string) => res.json.rows.find((r: { regNo: string }) => r.regNo === regNo);
    expect(row(c0!.regNo)).toMatchObject({ state: 'running', deviceChanges: 1, name: c0!.name });
    expect(row(c0!.regNo).remainingMs).toBe(row(c0!.regNo).deadline - h.now());
    expect(row(c1!.regNo)).toMatchObject({ state: 'paused', deviceChanges: 0 });
    expect(row(c1!.regNo).remainingMs).toBeGreaterThan(row(c0!.regNo).remainingMs); // frozen while paused
    expect(row(c2!.regNo)).toMatchObject({ state: 'submitted', remainingMs: null });
    expect(row(c3!.regNo)).toMatchObject({
      state: 'absent',
      startedAt: null,
      deadline: null,
      remainingMs: null,
      deviceChanges: 0,
    });
    expect(res.json.timeZone).toBe('WIB');
  });

  it('filters, searches, sorts and pages', async () => {
    const absent = await h.call('GET', `${path}?state=absent`, { token: admin });
    expect(absent.json.rows.map((r: { state: string }) => r.state)).toEqual(['absent', 'absent']);
    const byState = await h.call('GET', `${path}?sort=state`, { token: admin });
    expect(byState.json.rows.map((r: { state: string }) => r.state)).toEqual([
      'paused',
      'running',
      'absent',
      'absent',
      'submitted',
    ]);
    const page = await h.call('GET', `${path}?sort=regNo&offset=2&limit=2`, { token: admin });
    expect(page.json.rows.map((r: { regNo: string }) => r.regNo)).toEqual(
      h.demo.candidates
        .map((c) => c.regNo)
        .sort()
        .slice(2, 4),
    );
    expect(page.json.total).toBe(5);
    const name = h.demo.candidates[4]!.name;
    const search = await h.call('GET', `${path}?q=${encodeURIComponent(name.toLowerCase())}`, {
      token: admin,
    });
    expect(search.json.rows.map((r: { name: string }) => r.name)).toContain(name);
    expect((await h.call('GET', `${path}?sort=age`, { token: admin })).status).toBe(400);
    expect((await h.call('GET', `${path}?limit=0`, { token: admin })).status).toBe(400);
  });

  it('costs two queries per refresh, not a read per attempt', async () => {
    let perRow = 0;
    const { attempts, sessions } = h.store;
    const orig = {
      getResult: attempts.getResult,
      get: attempts.get,
      getRosterEntry: sessions.getRosterEntry,
    };
    attempts.getResult = async (id) => {
      perRow++;
      return orig.getResult(id);
    };
    attempts.get = async (id, c) => {
      perRow++;
      return orig.get(id, c);
    };
    sessions.getRosterEntry = async (s, r) => {
      perRow++;
      return orig.getRosterEntry(s, r);
    };
    try {
      expect((await h.call('GET', path, { token: admin })).status).toBe(200);
    } finally {
      Object.assign(attempts, { getResult: orig.getResult, get: orig.get });
      sessions.getRosterEntry = orig.getRosterEntry;
    }
    expect(perRow).toBe(0);
  });

  it('roles: the assigned proctor and admins read; another proctor and auditors 403; anonymous 401', async () => {
    expect((await h.call('GET', path, { token: stranger })).status).toBe(403);
    expect((await h.call('GET', path, { token: auditor })).status).toBe(403);
    expect((await h.call('GET', path)).status).toBe(401);
    expect((await h.call('GET', '/api/admin/sessions/NOPE/room', { token: admin })).status).toBe(404);
  });
});

describe('room monitor pages in registration-number order (cost follows the page)', () => {
  const BIG = 'ROOM-PAGED';
  const rowsPath = `/api/admin/sessions/${BIG}/room/rows`;
  beforeAll(async () => {
    await seedRoom(h.store, {
      sessionId: BIG,
      examId: 'skd-demo',
      candidates: 130,
      now: h.now(),
      pinPepper: h.deps.config.pinPepper,
      proctors: [h.demo.proctor.username],
    });
  });
  type Row = { regNo: string };

  it('walks 130 candidates in pages of 50 across both page boundaries: the same rows as the whole room, each page 4 store reads', async () => {
    const whole = await h.call('GET', `/api/admin/sessions/${BIG}/room?limit=1000&sort=regNo`, {
      token: admin,
    });
    expect(whole.json.total).toBe(130);
    const walked: unknown[] = [];
    const reads: number[] = [];
    const units: number[] = [];
    let cursor: string | null = null;
    do {
      const before = storeUnits.snapshot();
      const res: { status: number; json: { rows: Row[]; next: string | null } } = await h.call(
        'GET',
        `${rowsPath}?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        { token: proctor },
      );
      expect(res.status).toBe(200);
      const after = storeUnits.snapshot();
      reads.push(after.reads - before.reads);
      units.push(after.readUnits - before.readUnits);
      walked.push(...res.json.rows);
      cursor = res.json.next;
    } while (cursor);
    expect(walked).toEqual(whole.json.rows);
    expect(walked.map((r) => (r as Row).regNo)).toEqual([...(walked as Row[]).map((r) => r.regNo)].sort());
    // session + roster page + the page's attempts range + its progress range, on every page
    expect(reads).toEqual([4, 4, 4]);
    // the last page (30 rows) reads less than a full one: units follow the page, not the room
    expect(units[2]).toBeLessThan(units[0] as number);
  });

  it('the same states, progress and counts as the sorted route (the console counts from the walked rows)', async () => {
    const page = await h.call('GET', `${rowsPath}?limit=1000`, { token: admin });
    const whole = await h.call('GET', `/api/admin/sessions/${BIG}/room?limit=1000`, { token: admin });
    expect(roomView(page.json.rows, { sort: 'state' })).toEqual({
      rows: (await h.call('GET', `/api/admin/sessions/${BIG}/room?limit=1000&sort=state`, { token: admin }))
        .json.rows,
      counts: whole.json.counts,
    });
    expect(page.json.next).toBeNull();
  });

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['garbage', 'not-a-cursor!'],
    ['another session', cursorOf({ s: 'other-session', r: 'ROOM-00050' })],
    ['a bad registration number', cursorOf({ s: BIG, r: 'has space' })],
    ['an extra field', cursorOf({ s: BIG, r: 'ROOM-00050', x: 1 })],
  ])('a bad cursor (%s) is 400 VALIDATION in id and en', async (_what, cursor) => {
    const url = `${rowsPath}?cursor=${encodeURIComponent(cursor)}`;
    const id = await h.call('GET', url, { token: admin });
    expect(id.status).toBe(400);
    expect(id.json.error.message).toBe('Kursor halaman tidak valid; muat halaman pertama lagi.');
    const en = await h.call('GET', url, { token: admin, lang: 'en' });
    expect(en.json.error).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid page cursor; load the first page again.',
    });
    expect((await h.call('GET', `${rowsPath}?limit=0`, { token: admin })).status).toBe(400);
    expect((await h.call('GET', `${rowsPath}?offset=5`, { token: admin })).status).toBe(400);
  });

  it('roles on a page: the assigned proctor and admins read; another proctor and auditors 403; anonymous 401', async () => {
    const first = await h.call('GET', `${rowsPath}?limit=10`, { token: admin });
    const next = `${rowsPath}?limit=10&cursor=${first.json.next}`;
    expect((await h.call('GET', next, { token: proctor })).status).toBe(200);
    expect((await h.call('GET', next, { token: stranger })).status).toBe(403);
    expect((await h.call('GET', next, { token: auditor })).status).toBe(403);
    expect((await h.call('GET', next)).status).toBe(401);
    expect(
      (await h.call('GET', `/api/admin/sessions/${h.demo.sessionId}/room/rows`, { token: stranger })).status,
    ).toBe(403);
  });
});
