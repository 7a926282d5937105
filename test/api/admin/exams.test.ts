// Exams through the API: create from a preset or by hand (pinned, blueprint checked), list and view versions, an
// in-place edit refused once a version has attempts, a new version n+1 that leaves running attempts on theirs,
// bad bodies, idempotent retries, the audit log, and the role matrix (nothing written by a refused request).
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../../functions/domain/audit-log.ts';
import { DEMO_BANK_ID, DEMO_EXAM_ID, DEMO_PSYCH_BANK_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
let admin: string;
let proctor: string;
let auditor: string;
let demoHead: string;

const manual = (over: Record<string, unknown> = {}) => ({
  title: 'Ujian Kompetensi Teknis Analis',
  scheme: 'PPPK',
  durationMinutes: 45,
  sections: [
    {
      id: 'TEKNIS',
      title: 'Kompetensi Teknis',
      bankId: DEMO_BANK_ID,
      draws: [{ category: 'TEKNIS', count: 4 }],
      correctPoints: 5,
    },
    {
      id: 'MANAJERIAL',
      title: 'Kompetensi Manajerial',
      bankId: DEMO_BANK_ID,
      draws: [{ category: 'MANAJERIAL', count: 3 }],
      correctPoints: 0,
    },
  ],
  passingGrades: [
    { formationType: 'umum', label: 'Umum', sections: { TEKNIS: 10 } },
    { formationType: 'disabilitas', label: 'Disabilitas', sections: {}, total: 15 },
  ],
  ...over,
});

const audit = () => h.store.audit.listDay(auditDay(h.now()));
const actions = async () => (await audit()).map((e) => `${e.action} ${e.target}`);

beforeAll(async () => {
  h = await apiHarness(2);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
  demoHead = (await h.store.banks.head(DEMO_BANK_ID)) as string;
});

describe('create from a preset', () => {
  it.each([
    ['SKD', DEMO_BANK_ID, 'skd-2027', ['TWK', 'TIU', 'TKP'], [30, 35, 45], 100],
    [
      'PPPK',
      DEMO_BANK_ID,
      'pppk-2027',
      ['TEKNIS', 'MANAJERIAL', 'SOSIOKULTURAL', 'WAWANCARA'],
      [90, 25, 20, 10],
      120,
    ],
    ['PSYCH', DEMO_PSYCH_BANK_ID, 'psi-2027', ['INVENTORI', 'KRAEPELIN'], [50, 1], 25],
  ])(
    '%s: sections and counts of the preset, pinned to the bank’s current snapshot, audited',
    async (preset, bankId, id, sections, counts, minutes) => {
      const res = await h.call('POST', '/api/admin/exams', {
        token: admin,
        body: { source: 'preset', preset, id, bankId },
      });
      expect(res.status).toBe(200);
      const exam = res.json.exam;
      expect(exam).toMatchObject({ id, version: 1, scheme: preset, durationMinutes: minutes });
      expect(exam.sections.map((s: { id: string }) => s.id)).toEqual(sections);
      expect(exam.sections.map((s: { draws: Array<{ count: number }> }) => s.draws[0]?.count)).toEqual(
        counts,
      );
      expect(exam.bankSnapshots).toEqual({ [bankId]: await h.store.banks.head(bankId) });
      expect(await h.store.exams.get(id)).toEqual(exam);
      expect(await actions()).toContain(`exam.create exam:${id}`);
    },
  );

  it('SKD keeps the decree’s passing grades per formation type unless others are given', async () => {
    const skd = await h.store.exams.get('skd-2027');
    expect(skd?.passingGrades.find((g) => g.formationType === 'umum')?.sections).toEqual({
      TWK: 65,
      TIU: 80,
      TKP: 166,
    });
    expect(skd?.passingGrades.find((g) => g.formationType === 'cumlaude')).toMatchObject({
      sections: { TIU: 85 },
      total: 271,
    });
    const res = await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: {
        source: 'preset',
        preset: 'SKD',
        id: 'skd-2028',
        bankId: DEMO_BANK_ID,
        snapshotId: demoHead,
        title: 'SKD CPNS 2028',
        durationMinutes: 110,
        passingGrades: [{ formationType: 'umum', label: 'Umum', sections: { TWK: 70, TIU: 85, TKP: 170 } }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.exam).toMatchObject({
      title: 'SKD CPNS 2028',
      durationMinutes: 110,
      bankSnapshots: { [DEMO_BANK_ID]: demoHead },
      passingGrades: [{ formationType: 'umum', sections: { TWK: 70, TIU: 85, TKP: 170 } }],
    });
  });

  it('a bank too small for the blueprint, an unknown bank or snapshot: refused, nothing written', async () => {
    const before = (await audit()).length;
    const small = await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: { source: 'preset', preset: 'SKD', id: 'skd-psych', bankId: DEMO_PSYCH_BANK_ID },
    });
    expect(small.status).toBe(400);
    expect(small.json.error.code).toBe('BANK_TOO_SMALL');
    expect(small.json.error.details).toMatchObject({ sectionId: 'TWK', needed: 30, available: 0 });
    const noBank = await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: { source: 'preset', preset: 'SKD', id: 'skd-none', bankId: 'no-such-bank' },
    });
    expect(noBank.status).toBe(404);
    const noSnap = await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: {
        source: 'preset',
        preset: 'SKD',
        id: 'skd-none',
        bankId: DEMO_BANK_ID,
        snapshotId: 'f'.repeat(64),
      },
    });
    expect(noSnap.status).toBe(404);
    expect(noSnap.json.error.message).toMatch(/snapshot/i);
    for (const id of ['skd-psych', 'skd-none']) expect(await h.store.exams.get(id)).toBeUndefined();
    expect((await audit()).length).toBe(before);
  });
});

describe('create by hand', () => {
  it('sections, blueprint category → count, duration, scheme, passing grades per formation type', async () => {
    const res = await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: { source: 'manual', id: 'teknis-1', definition: manual() },
    });
    expect(res.status).toBe(200);
    expect(res.json.exam).toMatchObject({
      id: 'teknis-1',
      version: 1,
      scheme: 'PPPK',
      durationMinutes: 45,
      bankSnapshots: { [DEMO_BANK_ID]: demoHead },
      passingGrades: manual().passingGrades,
    });
    const list = await h.call('GET', '/api/admin/exams', { token: admin });
    expect(list.json.exams).toContainEqual(
      expect.objectContaining({ id: 'teknis-1', version: 1, title: manual().title, scheme: 'PPPK' }),
    );
  });

  it('the same request again with its Idempotency-Key: the same exam, one audit entry; another body: 409', async () => {
    const body = { source: 'manual', id: 'teknis-2', definition: manual() };
    const headers = { 'idempotency-key': 'create-teknis-2' };
    const first = await h.call('POST', '/api/admin/exams', { token: admin, body, headers });
    const again = await h.call('POST', '/api/admin/exams', { token: admin, body, headers });
    expect(again.status).toBe(200);
    expect(again.json.exam).toEqual(first.json.exam);
    expect((await actions()).filter((a) => a === 'exam.create exam:teknis-2')).toHaveLength(1);
    const other = await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: { ...body, definition: manual({ durationMinutes: 50 }) },
    });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('DUPLICATE');
    expect((await h.store.exams.get('teknis-2'))?.durationMinutes).toBe(45);
  });

  it.each([
    ['no source', { id: 'x1', definition: manual() }, 'source'],
    ['an unknown preset', { source: 'preset', preset: 'TOEFL', id: 'x1', bankId: DEMO_BANK_ID }, 'preset'],
    [
      'no sections',
      { source: 'manual', id: 'x1', definition: manual({ sections: [] }) },
      'definition.sections',
    ],
    [
      'a zero duration',
      { source: 'manual', id: 'x1', definition: manual({ durationMinutes: 0 }) },
      'definition.durationMinutes',
    ],
    [
      'a duplicate section id',
      {
        source: 'manual',
        id: 'x1',
        definition: manual({ sections: [manual().sections[0], manual().sections[0]] }),
      },
      'definition.sections',
    ],
    [
      'a passing grade on a section the exam has not',
      {
        source: 'manual',
        id: 'x1',
        definition: manual({ passingGrades: [{ formationType: 'umum', label: 'U', sections: { TWK: 65 } }] }),
      },
      'definition.passingGrades.0.sections',
    ],
    [
      'a count that is not a whole number',
      {
        source: 'manual',
        id: 'x1',
        definition: manual({
          sections: [{ ...manual().sections[0], draws: [{ category: 'TEKNIS', count: 2.5 }] }],
        }),
      },
      'definition.sections.0.draws.0.count',
    ],
    ['an unknown field', { source: 'manual', id: 'x1', definition: manual(), extra: 1 }, '_'],
    ['a bad id', { source: 'manual', id: 'x 1!', definition: manual() }, 'id'],
  ])('%s -> 400 with fields, nothing written', async (_name, body, field) => {
    const before = (await audit()).length;
    const res = await h.call('POST', '/api/admin/exams', { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect(await h.store.exams.get('x1')).toBeUndefined();
    expect((await audit()).length).toBe(before);
  });

  it('malformed JSON -> 400, never 5xx', async () => {
    const res = await h.call('POST', '/api/admin/exams', { token: admin, rawBody: '{"source":' });
    expect(res.status).toBe(400);
  });
});

describe('versions', () => {
  it('a version with attempts refuses edits (409); editing makes version n+1; running attempts stay on theirs', async () => {
    const s = await h.started(0);
    const edit = await h.call('PUT', `/api/admin/exams/${DEMO_EXAM_ID}/versions/1`, {
      token: admin,
      body: { definition: manual({ scheme: 'SKD' }) },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe('CONFLICT');
    expect(edit.json.error.details).toMatchObject({ version: 1, because: 'attempts', attempts: 1 });
    const v1 = await h.store.exams.get(DEMO_EXAM_ID);
    expect(v1?.version).toBe(1);

    const latest = (await h.call('GET', `/api/admin/exams/${DEMO_EXAM_ID}`, { token: admin })).json.exam;
    const { id: _id, version: _v, scoringCorrections: _c, ...definition } = latest;
    const next = await h.call('POST', `/api/admin/exams/${DEMO_EXAM_ID}/versions`, {
      token: admin,
      body: { definition: { ...definition, title: 'SKD versi 2', durationMinutes: 90 } },
    });
    expect(next.status).toBe(200);
    expect(next.json.exam).toMatchObject({
      id: DEMO_EXAM_ID,
      version: 2,
      title: 'SKD versi 2',
      durationMinutes: 90,
    });
    expect(await h.store.exams.get(DEMO_EXAM_ID, 1)).toEqual(v1);

    const view = await h.call('GET', `/api/admin/exams/${DEMO_EXAM_ID}`, { token: admin });
    expect(view.json.versions.map((v: { exam: { version: number } }) => v.exam.version)).toEqual([1, 2]);
    expect(view.json.versions[0].use).toMatchObject({ attempts: 1, locked: true, lockedBecause: 'attempts' });
    expect(view.json.versions[1].use).toMatchObject({ attempts: 0, locked: false, sessions: [] });
    expect(view.json.versions[1]).toMatchObject({ createdBy: 'admin', createdAt: h.now() });

    // The running attempt (v1, 100 minutes) keeps its form and saves, and a second candidate still starts on v1.
    const form = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/form`, { token: s.token });
    expect(form.status).toBe(200);
    expect(form.json.items).toHaveLength(110);
    const item = form.json.items[0];
    const save = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps: [{ seq: 1, type: 'answered', itemId: item.itemId, choice: item.options[0].id }] },
    });
    expect(save.status).toBe(200);
    const other = await h.started(1);
    expect((await h.store.attempts.get(other.attemptId))?.examVersion).toBe(1);
    const submit = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
    expect(submit.status).toBe(200);
    expect((await h.store.attempts.getResult(s.attemptId))?.examVersion).toBe(1);

    // A session scheduled now takes the latest version.
    const sched = await h.call('POST', '/api/admin/sessions', {
      token: admin,
      body: {
        id: 'v2-session',
        examId: DEMO_EXAM_ID,
        title: 'Sesi versi 2',
        site: 'Kantor',
        room: 'R1',
        timeZone: 'WIT',
        opensAt: h.now() + 86_400_000,
        closesAt: h.now() + 2 * 86_400_000,
        capacity: 10,
      },
    });
    expect(sched.json.session).toMatchObject({ examId: DEMO_EXAM_ID, examVersion: 2 });
    expect(await actions()).toContain(`exam.version exam:${DEMO_EXAM_ID}`);
  });

  it('a version nobody uses is edited in place (same number, audited); older versions and unknown ones are refused', async () => {
    const edit = await h.call('PUT', '/api/admin/exams/teknis-1/versions/1', {
      token: admin,
      body: { definition: manual({ durationMinutes: 60 }) },
    });
    expect(edit.status).toBe(200);
    expect(edit.json.exam).toMatchObject({ version: 1, durationMinutes: 60 });
    expect((await h.store.exams.versions('teknis-1')).map((v) => v.exam.durationMinutes)).toEqual([60]);
    expect(await actions()).toContain('exam.edit exam:teknis-1');

    await h.call('POST', '/api/admin/exams/teknis-1/versions', {
      token: admin,
      body: { definition: manual() },
    });
    const old = await h.call('PUT', '/api/admin/exams/teknis-1/versions/1', {
      token: admin,
      body: { definition: manual() },
    });
    expect(old.status).toBe(409);
    const none = await h.call('PUT', '/api/admin/exams/teknis-1/versions/9', {
      token: admin,
      body: { definition: manual() },
    });
    expect(none.status).toBe(404);
    const noExam = await h.call('POST', '/api/admin/exams/nope/versions', {
      token: admin,
      body: { definition: manual() },
    });
    expect(noExam.status).toBe(404);
  });

  it('a version whose session opens within the lock margin is locked before any attempt', async () => {
    await h.call('POST', '/api/admin/exams', {
      token: admin,
      body: { source: 'manual', id: 'soon-1', definition: manual() },
    });
    const sched = await h.call('POST', '/api/admin/sessions', {
      token: admin,
      body: {
        id: 'soon-session',
        examId: 'soon-1',
        title: 'Segera',
        site: 'Kantor',
        room: 'R2',
        timeZone: 'WIB',
        opensAt: h.now() + 60_000,
        closesAt: h.now() + 3_600_000,
        capacity: 10,
      },
    });
    expect(sched.status).toBe(200);
    const edit = await h.call('PUT', '/api/admin/exams/soon-1/versions/1', {
      token: admin,
      body: { definition: manual({ durationMinutes: 50 }) },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.details.because).toBe('sessionOpening');
  });

  it('a retried new version (same Idempotency-Key) is the same version, not n+2', async () => {
    const headers = { 'idempotency-key': 'teknis-1-v3' };
    const body = { definition: manual({ title: 'Versi tiga' }) };
    const a = await h.call('POST', '/api/admin/exams/teknis-1/versions', { token: admin, body, headers });
    const b = await h.call('POST', '/api/admin/exams/teknis-1/versions', { token: admin, body, headers });
    expect(a.json.exam.version).toBe(3);
    expect(b.status).toBe(200);
    expect(b.json.exam.version).toBe(3);
    expect((await h.store.exams.versions('teknis-1')).map((v) => v.exam.version)).toEqual([1, 2, 3]);
  });

  it('version bodies go through zod: 400 with fields', async () => {
    const res = await h.call('POST', '/api/admin/exams/teknis-1/versions', {
      token: admin,
      body: { definition: manual({ scheme: 'TOEFL' }) },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields['definition.scheme']).toBeDefined();
    const badVersion = await h.call('PUT', '/api/admin/exams/teknis-1/versions/zero', {
      token: admin,
      body: { definition: manual() },
    });
    expect(badVersion.status).toBe(400);
  });
});

describe('role matrix: exam routes', () => {
  const writes: Array<[string, string, unknown]> = [
    ['POST', '/api/admin/exams', { source: 'manual', id: 'forbidden-1', definition: manual() }],
    ['POST', '/api/admin/exams/teknis-2/versions', { definition: manual({ title: 'tidak boleh' }) }],
    ['PUT', '/api/admin/exams/teknis-2/versions/1', { definition: manual({ title: 'tidak boleh' }) }],
  ];
  it.each(writes)(
    '%s %s: anonymous 401, proctor and auditor 403, nothing written',
    async (method, path, body) => {
      const state = async () =>
        JSON.stringify([
          await h.store.exams.versions('teknis-2'),
          await h.store.exams.get('forbidden-1'),
          (await audit()).length,
        ]);
      const before = await state();
      expect((await h.call(method, path, { body })).status).toBe(401);
      for (const token of [proctor, auditor])
        expect((await h.call(method, path, { body, token })).status).toBe(403);
      expect(await state()).toBe(before);
    },
  );

  it.each([
    ['/exams'],
    ['/exams/teknis-1'],
    ['/exam-presets'],
    ['/banks'],
    [`/banks/${DEMO_BANK_ID}/snapshots`],
  ])('GET %s: admin and auditor read; proctor 403, anonymous 401', async (route) => {
    expect((await h.call('GET', `/api/admin${route}`, { token: admin })).status).toBe(200);
    expect((await h.call('GET', `/api/auditor${route}`, { token: auditor })).status).toBe(200);
    expect((await h.call('GET', `/api/admin${route}`, { token: proctor })).status).toBe(403);
    expect((await h.call('GET', `/api/admin${route}`)).status).toBe(401);
    expect((await h.call('GET', `/api/auditor${route}`)).status).toBe(401);
  });

  it('the auditor sees the versions with their use; an unknown exam is 404', async () => {
    const view = await h.call('GET', '/api/auditor/exams/teknis-1', { token: auditor });
    expect(view.json.versions).toHaveLength(3);
    expect((await h.call('GET', '/api/auditor/exams/nope', { token: auditor })).status).toBe(404);
  });

  it('presets: SKD, PPPK and the psych battery as definitions', async () => {
    const res = await h.call('GET', '/api/admin/exam-presets', { token: admin });
    expect(res.json.presets.map((p: { preset: string }) => p.preset)).toEqual(['SKD', 'PPPK', 'PSYCH']);
  });
});
