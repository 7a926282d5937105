import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../../functions/domain/audit-log.ts';
import { DEMO_EXAM_ID, DEMO_SESSION_ID } from '../../../functions/local/demo-data.ts';
import { apiHarness } from '../harness.ts';

type H = Awaited<ReturnType<typeof apiHarness>>;
let h: H;
let admin: string;
let proctor: string;
let auditor: string;
let otherProctor: string;
const H1 = 3_600_000;

const csv = async (path: string, body: string) => {
  const res = await h.app.request(path, {
    method: path.endsWith('import') ? 'POST' : 'PUT',
    body,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin}` },
  });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  h = await apiHarness(2);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
  otherProctor = await h.loginOtherProctor('pengawas2', 'Pengawas Dua');
  await csv('/api/admin/formations', 'id,position,unit,openings,formation_type\nF1,Analis,Biro,2,umum\n');
  await csv(
    '/api/admin/candidates/import',
    `regNo,name,birthDate,formation,education\n${['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-0005']
      .map((r) => `${r},Nama ${r},2000-01-01,F1,S1`)
      .join('\n')}\n`,
  );
});

const schedule = async (id: string, fromHours: number, toHours: number, capacity = 2) =>
  h.call('POST', '/api/admin/sessions', {
    token: admin,
    body: {
      id,
      examId: DEMO_EXAM_ID,
      title: `Sesi ${id}`,
      site: 'Kantor Regional VIII Banjarmasin',
      room: 'Ruang 1',
      timeZone: 'WITA',
      opensAt: h.now() + fromHours * H1,
      closesAt: h.now() + toHours * H1,
      capacity,
    },
  });

describe('sessions', () => {
  it('schedule (WITA room), edit before opening, refuse a window shorter than the exam', async () => {
    const res = await schedule('A', 2, 5);
    expect(res.status).toBe(200);
    expect(res.json.session).toMatchObject({
      id: 'A',
      // pinned when scheduled, shown in the console's session list
      examVersion: (await h.store.exams.get(DEMO_EXAM_ID))?.version,
      timeZone: 'WITA',
      room: 'Ruang 1',
      capacity: 2,
      proctors: [],
    });
    const edit = await h.call('PATCH', '/api/admin/sessions/A', { token: admin, body: { capacity: 3 } });
    expect(edit.json.session.capacity).toBe(3);
    const short = await h.call('PATCH', '/api/admin/sessions/A', {
      token: admin,
      body: { closesAt: h.now() + 2 * H1 + 60_000 },
    });
    expect(short.status).toBe(400);
    expect((await h.store.sessions.get('A'))?.capacity).toBe(3);
    const moved = await h.call('PATCH', '/api/admin/sessions/A', {
      token: admin,
      body: { opensAt: h.now() + 3 * H1, closesAt: h.now() + 6 * H1, capacity: 2 },
    });
    expect(moved.status).toBe(200);
    // the list shows it once, at its new time
    const list = await h.call('GET', '/api/admin/sessions', { token: admin });
    expect(list.json.sessions.filter((s: { id: string }) => s.id === 'A')).toHaveLength(1);
  });

  it('an opened session cannot be edited (409)', async () => {
    const res = await h.call('PATCH', `/api/admin/sessions/${DEMO_SESSION_ID}`, {
      token: admin,
      body: { capacity: 9 },
    });
    expect(res.status).toBe(409);
  });

  it('assign by hand; overbooking and an overlapping session are refused and write nothing', async () => {
    expect(
      (
        await h.call('POST', '/api/admin/sessions/A/roster', {
          token: admin,
          body: { regNos: ['C-0001', 'C-0002'] },
        })
      ).status,
    ).toBe(200);
    const over = await h.call('POST', '/api/admin/sessions/A/roster', {
      token: admin,
      body: { regNos: ['C-0003'] },
    });
    expect(over.status).toBe(409);
    expect(over.json.error.details.problems[0]).toMatchObject({ sessionId: 'A', reason: 'capacity' });
    expect(over.json.error.details.problems[0].message).toMatch(/capacity/);
    await schedule('B', 4, 7, 5); // overlaps A (3..6)
    const clash = await h.call('POST', '/api/admin/sessions/B/roster', {
      token: admin,
      body: { regNos: ['C-0001', 'C-0003'] },
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.details.problems).toEqual([
      {
        sessionId: 'B',
        regNo: 'C-0001',
        reason: 'overlap',
        other: 'A',
        message: 'already in overlapping session A',
      },
    ]);
    expect((await h.store.sessions.listRoster('B')).length).toBe(0);
    const unknown = await h.call('POST', '/api/admin/sessions/B/roster', {
      token: admin,
      body: { regNos: ['NOPE-1'] },
    });
    expect(unknown.status).toBe(409);
  });

  it('auto-assign fills by capacity with candidates on no roster', async () => {
    await schedule('C', 10, 13, 2);
    await schedule('D', 14, 17, 5);
    const res = await h.call('POST', '/api/admin/rosters/auto', {
      token: admin,
      body: { sessionIds: ['C', 'D'] },
    });
    expect(res.status).toBe(200);
    // C-0003..C-0005 wait (C-0001/2 are on A): C takes 2, D takes 1
    expect(res.json).toMatchObject({ assigned: 3, unassigned: 0 });
    expect((await h.store.sessions.listRoster('C')).map((e) => e.regNo)).toEqual(['C-0003', 'C-0004']);
    expect((await h.store.sessions.listRoster('D')).map((e) => e.regNo)).toEqual(['C-0005']);
  });

  it('moving a window onto another session of a rostered candidate is refused with the reason, nothing changed', async () => {
    await schedule('E', 20, 23, 2);
    expect(
      (await h.call('POST', '/api/admin/sessions/E/roster', { token: admin, body: { regNos: ['C-0003'] } }))
        .status,
    ).toBe(200);
    // C-0003 is on C (10..13): moving E to 11..14 would put them in two overlapping sessions
    const moved = await h.call('PATCH', '/api/admin/sessions/E', {
      token: admin,
      body: { opensAt: h.now() + 11 * H1, closesAt: h.now() + 14 * H1 },
    });
    expect(moved.status).toBe(409);
    expect(moved.json.error.details.problems).toEqual([
      {
        sessionId: 'E',
        regNo: 'C-0003',
        reason: 'overlap',
        other: 'C',
        message: 'already in overlapping session C',
      },
    ]);
    expect((await h.store.sessions.get('E'))?.opensAt).toBe(h.now() + 20 * H1);
  });

  it('release PINs: each once in clear, only the hash kept; regenerate replaces one; candidates log in', async () => {
    const rel = await h.call('POST', '/api/admin/sessions/A/release-pins', { token: admin });
    expect(rel.status).toBe(200);
    expect(rel.json.pins.map((p: { regNo: string }) => p.regNo)).toEqual(['C-0001', 'C-0002']);
    expect(rel.json.pins[0]).toMatchObject({
      name: 'Nama C-0001',
      room: 'Ruang 1',
      pin: expect.stringMatching(/^\d{6}$/),
    });
    const entry = await h.store.sessions.getRosterEntry('A', 'C-0001');
    expect(entry?.pinHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain(rel.json.pins[0].pin);
    const again = await h.call('POST', '/api/admin/sessions/A/release-pins', { token: admin });
    expect(again.json.pins).toEqual([]);
    const roster = await h.call('GET', '/api/admin/sessions/A/roster', { token: admin });
    expect(roster.json.roster[0]).toMatchObject({ regNo: 'C-0001', hasPin: true });
    expect(roster.json.roster[0].pinHash).toBeUndefined();

    const regen = await h.call('POST', '/api/admin/sessions/A/candidates/C-0001/regenerate-pin', {
      token: admin,
      body: { reason: 'kartu hilang' },
    });
    expect(regen.status).toBe(200);
    h.advance(3 * H1 + 60_000); // A opens
    const oldPin = await h.call('POST', '/api/candidate/login', {
      body: { regNo: 'C-0001', pin: rel.json.pins[0].pin },
    });
    const newPin = await h.call('POST', '/api/candidate/login', {
      body: { regNo: 'C-0001', pin: regen.json.pin.pin },
    });
    const other = await h.call('POST', '/api/candidate/login', {
      body: { regNo: 'C-0002', pin: rel.json.pins[1].pin },
    });
    expect(regen.json.pin.pin === rel.json.pins[0].pin ? 200 : oldPin.status).toBe(
      regen.json.pin.pin === rel.json.pins[0].pin ? 200 : 401,
    );
    expect(newPin.status).toBe(200);
    expect(other.status).toBe(200);
  });

  it('cancel with a reason: login refused afterwards, editing refused', async () => {
    const rel = await h.call('POST', '/api/admin/sessions/C/release-pins', { token: admin });
    const res = await h.call('POST', '/api/admin/sessions/C/cancel', {
      token: admin,
      body: { reason: 'ruang banjir' },
    });
    expect(res.json.session).toMatchObject({ cancelReason: 'ruang banjir', cancelledAt: h.now() });
    h.advance(8 * H1); // C would be open now
    const login = await h.call('POST', '/api/candidate/login', {
      body: { regNo: 'C-0003', pin: rel.json.pins[0].pin },
    });
    expect(login.status).toBe(403);
    expect(
      (await h.call('PATCH', '/api/admin/sessions/C', { token: admin, body: { capacity: 3 } })).status,
    ).toBe(409);
  });

  it('every action above is in the audit log, chained', async () => {
    const log = await h.call('GET', `/api/auditor/audit-log?day=${auditDay(h.now())}`, { token: auditor });
    const earlier = await h.call('GET', `/api/auditor/audit-log?day=${auditDay(h.now() - 11 * H1)}`, {
      token: auditor,
    });
    const entries = [...(earlier.json.entries ?? []), ...(log.json.entries ?? [])];
    expect(log.json.verdict.ok && earlier.json.verdict.ok).toBe(true);
    const actions = new Set(entries.map((e: { action: string }) => e.action));
    for (const a of [
      'session.schedule',
      'session.edit',
      'roster.assign',
      'roster.auto',
      'pins.release',
      'pins.regenerate',
      'session.cancel',
    ])
      expect(actions).toContain(a);
    expect(entries.find((e: { action: string }) => e.action === 'pins.regenerate')).toMatchObject({
      target: 'candidate:A/C-0001',
      reason: 'kartu hilang',
    });
    expect(JSON.stringify(entries)).not.toMatch(/"pin":"\d{6}"/);
  });
});

describe('proctors see and act on their assigned sessions only', () => {
  it('an unassigned proctor: not in the list, 403 on attempts, roster and actions; assigned: allowed', async () => {
    const { attemptId } = await h.started(0); // demo session, assigned to the demo proctor only
    const list = await h.call('GET', '/api/admin/sessions', { token: otherProctor });
    expect(list.json.sessions.map((s: { id: string }) => s.id)).toEqual([]);
    expect(
      (await h.call('GET', `/api/admin/sessions/${DEMO_SESSION_ID}/attempts`, { token: otherProctor }))
        .status,
    ).toBe(403);
    expect(
      (await h.call('GET', `/api/admin/sessions/${DEMO_SESSION_ID}/roster`, { token: otherProctor })).status,
    ).toBe(403);
    const steps = (await h.store.attempts.readSteps(attemptId)).length;
    const act = await h.call('POST', `/api/admin/attempts/${attemptId}/pause`, {
      token: otherProctor,
      body: { reason: 'bukan sesi saya' },
    });
    expect(act.status).toBe(403);
    expect((await h.store.attempts.readSteps(attemptId)).length).toBe(steps);

    const assign = await h.call('PUT', `/api/admin/sessions/${DEMO_SESSION_ID}/proctors`, {
      token: admin,
      body: { proctorIds: ['pengawas', 'pengawas2'] },
    });
    expect(assign.status).toBe(200);
    expect(
      (await h.call('GET', `/api/admin/sessions/${DEMO_SESSION_ID}/attempts`, { token: otherProctor }))
        .status,
    ).toBe(200);
    const ok = await h.call('POST', `/api/admin/attempts/${attemptId}/pause`, {
      token: otherProctor,
      body: { reason: 'toilet' },
    });
    expect(ok.status).toBe(200);
    const entries = await h.store.audit.listDay(auditDay(h.now()));
    expect(entries.find((e) => e.action === 'attempt.pause')).toMatchObject({
      actor: { role: 'proctor', id: 'pengawas2' },
      target: `attempt:${attemptId}`,
      reason: 'toilet',
    });
  });

  it('assigning a non-proctor is 400', async () => {
    const res = await h.call('PUT', `/api/admin/sessions/${DEMO_SESSION_ID}/proctors`, {
      token: admin,
      body: { proctorIds: ['admin'] },
    });
    expect(res.status).toBe(400);
  });
});

describe('role matrix: scheduling routes (anonymous 401; proctor and auditor 403; nothing written)', () => {
  const routes: Array<[string, string, unknown]> = [
    [
      'POST',
      '/api/admin/sessions',
      {
        id: 'Z',
        examId: DEMO_EXAM_ID,
        title: 't',
        site: 's',
        room: 'r',
        timeZone: 'WIB',
        opensAt: 1,
        closesAt: 2,
        capacity: 1,
      },
    ],
    ['PATCH', '/api/admin/sessions/D', { capacity: 1 }],
    ['POST', '/api/admin/sessions/D/cancel', { reason: 'tidak boleh' }],
    ['PUT', '/api/admin/sessions/D/proctors', { proctorIds: ['pengawas'] }],
    ['POST', '/api/admin/sessions/D/roster', { regNos: ['C-0001'] }],
    ['POST', '/api/admin/rosters/from-import', undefined],
    ['POST', '/api/admin/rosters/auto', { sessionIds: ['D'] }],
    ['POST', '/api/admin/sessions/D/release-pins', undefined],
    ['POST', '/api/admin/sessions/D/candidates/C-0005/regenerate-pin', { reason: 'tidak boleh' }],
  ];
  it.each(routes)('%s %s', async (method, path, body) => {
    const before = JSON.stringify([
      await h.store.sessions.get('D'),
      await h.store.sessions.listRoster('D'),
      (await h.store.audit.listDay(auditDay(h.now()))).length,
    ]);
    expect((await h.call(method, path, { body })).status).toBe(401);
    for (const token of [proctor, otherProctor, auditor])
      expect((await h.call(method, path, { body, token })).status).toBe(403);
    const after = JSON.stringify([
      await h.store.sessions.get('D'),
      await h.store.sessions.listRoster('D'),
      (await h.store.audit.listDay(auditDay(h.now()))).length,
    ]);
    expect(after).toBe(before);
  });

  it('bad bodies are 400 with fields, never 5xx', async () => {
    const bad = await h.call('POST', '/api/admin/sessions', {
      token: admin,
      body: { examId: 'x', timeZone: 'GMT' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.timeZone).toBeDefined();
    expect((await h.call('PATCH', '/api/admin/sessions/D', { token: admin, body: {} })).status).toBe(400);
    expect(
      (await h.call('POST', '/api/admin/sessions/D/cancel', { token: admin, body: { reason: '' } })).status,
    ).toBe(400);
    expect((await h.call('POST', '/api/admin/sessions/NOPE/release-pins', { token: admin })).status).toBe(
      404,
    );
  });
});
