import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../../functions/domain/audit-log.ts';
import { storeUnits } from '../../../functions/store/index.ts';
import { apiHarness } from '../harness.ts';

type H = Awaited<ReturnType<typeof apiHarness>>;
let h: H;
let admin: string;
let proctor: string;
let auditor: string;
beforeAll(async () => {
  h = await apiHarness(2);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
});

const BOM = '\uFEFF';
const send = async (
  method: string,
  path: string,
  body: string | Uint8Array,
  token?: string,
  headers: Record<string, string> = {},
) => {
  const res = await h.app.request(path, {
    method,
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : Buffer.from(body),
    headers: {
      'content-type': 'text/csv',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  });
  const text = await res.text();
  return { status: res.status, text, json: text && !text.includes('\n{') ? JSON.parse(text) : undefined };
};

const FORMATIONS = `${BOM}kode_formasi;jabatan;unit_kerja;kebutuhan;jenis_formasi
F-AK-01;Analis Kebijakan;Biro Organisasi;2;umum
F-AK-02;"Analis Kebijakan; Ahli Pertama";Biro Hukum;1;cumlaude
F-PR-01;Pranata Komputer;Pusat Data;3;disabilitas
`;

const candidates = (n: number, extra = '') =>
  `registration_number,name,birth_date,formation,education,accommodation_minutes\n${Array.from(
    { length: n },
    (_, i) =>
      `REG-${String(i).padStart(5, '0')},Peserta ${i},${(i % 28) + 1}/03/2000,F-AK-01,S1,${i === 0 ? 30 : ''}`,
  ).join('\n')}\n${extra}`;

describe('formations', () => {
  it('imports a `;` file with BOM and Indonesian headers; lists; edits one; both audited', async () => {
    const res = await send('PUT', '/api/admin/formations', FORMATIONS, admin);
    expect(res.status).toBe(200);
    expect(res.json.imported).toBe(3);
    const list = await h.call('GET', '/api/admin/formations', { token: admin });
    expect(list.json.formations).toContainEqual({
      id: 'F-AK-02',
      position: 'Analis Kebijakan; Ahli Pertama',
      agencyUnit: 'Biro Hukum',
      openings: 1,
      formationType: 'cumlaude',
    });
    const edit = await h.call('PUT', '/api/admin/formations/F-AK-01', {
      token: admin,
      body: {
        position: 'Analis Kebijakan',
        agencyUnit: 'Biro Organisasi',
        openings: 4,
        formationType: 'umum',
      },
    });
    expect(edit.status).toBe(200);
    expect((await h.store.formations.get('F-AK-01'))?.openings).toBe(4);
    const log = await h.call('GET', `/api/auditor/audit-log?day=${auditDay(h.now())}`, { token: auditor });
    expect(log.status).toBe(200);
    expect(log.json.verdict).toMatchObject({ ok: true });
    expect(log.json.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['formations.import', 'formation.put']),
    );
    expect(log.json.entries.find((e: { action: string }) => e.action === 'formation.put')).toMatchObject({
      actor: { role: 'admin' },
      target: 'formation:F-AK-01',
    });
  });

  it.each<[string, string, Array<{ line: number; column?: string }>]>([
    [
      'a missing required column',
      'id,position,unit,openings\nX,Y,Z,1\n',
      [{ line: 1, column: 'formationType' }],
    ],
    [
      'an unknown column',
      'id,position,unit,openings,formation_type,salary\nX,Y,Z,1,umum,9\n',
      [{ line: 1, column: 'salary' }],
    ],
    [
      'bad rows and a duplicate (every one listed)',
      'id,position,unit,openings,formation_type\nA,P,U,0,umum\nB,P,U,2,Umum Besar\nC,P,U,1,umum\nC,P,U,1,umum\nD,P,U\n',
      [
        { line: 2, column: 'openings' },
        { line: 3, column: 'formationType' },
        { line: 5, column: 'id' },
        { line: 6 },
      ],
    ],
  ])('refuses %s with every problem, writing nothing', async (_name, csv, problems) => {
    const before = await h.store.formations.list();
    const res = await send('PUT', '/api/admin/formations', csv, admin);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect(res.json.error.details.problems).toEqual(problems.map((p) => expect.objectContaining(p)));
    expect(await h.store.formations.list()).toEqual(before);
  });

  it('refuses a file that is not UTF-8 (Windows-1252 é)', async () => {
    const bytes = new Uint8Array([
      ...Buffer.from('id,position,unit,openings,formation_type\nX,Caf'),
      0xe9,
      0x0a,
    ]);
    const res = await send('PUT', '/api/admin/formations', bytes, admin);
    expect(res.status).toBe(400);
    expect(res.json.error.details.problems[0].message).toMatch(/UTF-8/);
  });
});

describe('candidates import', () => {
  it('imports `,` without BOM, DD/MM/YYYY dates, the formation type from the formation; the same file twice = same state', async () => {
    const csv = candidates(30);
    const first = await send('POST', '/api/admin/candidates/import', csv, admin);
    expect(first.status).toBe(200);
    expect(first.json.report).toMatchObject({ rows: 30, withSession: 0, changed: true });
    const pointer = await h.store.candidates.getPointer();
    const second = await send('POST', '/api/admin/candidates/import', csv, admin);
    expect(second.json.report).toMatchObject({ importId: first.json.report.importId, changed: false });
    expect(await h.store.candidates.getPointer()).toEqual(pointer);
    const list = await h.call('GET', '/api/admin/candidates?limit=2', { token: admin });
    expect(list.json.total).toBe(30);
    expect(list.json.candidates[0]).toEqual({
      regNo: 'REG-00000',
      name: 'Peserta 0',
      birthDate: '2000-03-01',
      formationId: 'F-AK-01',
      formationType: 'umum',
      education: 'S1',
      extraMinutes: 30,
    });
  });

  it('streams progress lines with Accept: application/x-ndjson', async () => {
    const res = await send('POST', '/api/admin/candidates/import', candidates(1200), admin, {
      accept: 'application/x-ndjson',
    });
    expect(res.status).toBe(200);
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // 6 chunks of 200 rows, written 5 per call: two progress lines
    expect(lines.slice(0, -1)).toEqual([
      { written: 1000, total: 1200 },
      { written: 1200, total: 1200 },
    ]);
    expect(lines.at(-1).report).toMatchObject({ rows: 1200, changed: true });
    expect((await h.store.candidates.listCurrent()).length).toBe(1200);
  });

  it('refuses a file with broken rows, listing each, and leaves the set in force untouched', async () => {
    const before = await h.store.candidates.getPointer();
    const csv =
      'no_peserta;nama;tanggal_lahir;formasi;jenis_formasi;pendidikan;sesi\n' +
      'R-0001;Ani;2001-02-30;F-AK-01;;S1;\n' + // no 30 February
      'R-0002;Budi;2001-02-03;F-NOPE;;S1;\n' + // unknown formation
      'R-0003;Citra;2001-02-03;F-AK-01;cumlaude;S1;\n' + // wrong type for the formation
      'R-0004;Dewi;2001-02-03;F-AK-01;;S1;no-such-session\n' +
      'R-0005;Eka;2001-02-03;F-AK-01;;S1;\n' +
      'R-0005;Eka lagi;2001-02-03;F-AK-01;;S1;\n' + // duplicate
      'R 0007;;2001-02-03;F-AK-01;;S1;\n'; // bad regNo, empty name
    const res = await send('POST', '/api/admin/candidates/import', csv, admin);
    expect(res.status).toBe(400);
    expect(res.json.error.details.problems).toEqual([
      expect.objectContaining({ line: 2, column: 'birthDate' }),
      expect.objectContaining({ line: 3, column: 'formationId' }),
      expect.objectContaining({ line: 4, column: 'formationType' }),
      expect.objectContaining({ line: 5, column: 'sessionId' }),
      expect.objectContaining({ line: 7, column: 'regNo', message: expect.stringContaining('line 6') }),
      expect.objectContaining({ line: 8, column: 'regNo' }),
      expect.objectContaining({ line: 8, column: 'name' }),
    ]);
    // Every message in both languages, zod's own included (the empty name: "Wajib diisi / Required").
    for (const p of res.json.error.details.problems) expect(p.message).toMatch(/\S \/ \S/);
    expect(res.json.error.details.problems.at(-1).message).toBe('Wajib diisi / Required');
    expect(await h.store.candidates.getPointer()).toEqual(before);
  });
});

describe('candidate list: paged from the store by an opaque cursor', () => {
  const regNos = (page: { candidates: Array<{ regNo: string }> }) => page.candidates.map((c) => c.regNo);
  const expected = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `REG-${String(from + i).padStart(5, '0')}`);

  it('walks 450 rows (chunks of 200) in regNo order across chunk boundaries, forwards and back; each page is 2 store reads', async () => {
    expect((await send('POST', '/api/admin/candidates/import', candidates(450), admin)).status).toBe(200);
    const get = (cursor?: string) =>
      h.call('GET', `/api/admin/candidates?limit=150${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
    await get(); // the staff account's status is cached after this (≤ 5 s)
    const before = storeUnits.snapshot();
    const first = await get();
    const reads = storeUnits.snapshot().reads - before.reads;
    expect(reads).toBe(2); // the pointer (GetItem) + one Query over the page's CHUNK# range
    expect(first.json).toMatchObject({ total: 450, offset: 0, prev: null });
    expect(regNos(first.json)).toEqual(expected(0, 150));
    const second = await get(first.json.next);
    expect(second.json.offset).toBe(150);
    expect(regNos(second.json)).toEqual(expected(150, 300)); // rows 150–299 span chunks 0 and 1
    const third = await get(second.json.next);
    expect(regNos(third.json)).toEqual(expected(300, 450));
    expect(third.json.next).toBeNull();
    const back = await get(third.json.prev);
    expect(back.json).toEqual(second.json);
    expect(third.json.import).toMatchObject({ rows: 450, chunkRows: 200 });
    // The page size is the caller's: 1,000 is the most; beyond it 400.
    const all = await h.call('GET', '/api/admin/candidates?limit=1000', { token: admin });
    expect(regNos(all.json)).toEqual(expected(0, 450));
    expect((await h.call('GET', '/api/admin/candidates?limit=1001', { token: admin })).status).toBe(400);
  });

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64 JSON', 'garbage!'],
    ['JSON of the wrong shape', cursorOf({ i: 'x', p: 1 })],
    ['an extra field', cursorOf({ i: 'a'.repeat(24), p: 0, x: 1 })],
    ['a negative position', cursorOf({ i: 'a'.repeat(24), p: -1 })],
    ['a position past the end', 'PAST_END'],
    ['an offset parameter (the list pages by cursor)', 'OFFSET'],
  ])('a bad cursor (%s) is 400 VALIDATION in id and en, nothing else read', async (_what, cursor) => {
    const first = await h.call('GET', '/api/admin/candidates?limit=10', { token: admin });
    const importId: string = first.json.import.importId;
    const path =
      cursor === 'OFFSET'
        ? '/api/admin/candidates?offset=20'
        : `/api/admin/candidates?cursor=${cursor === 'PAST_END' ? cursorOf({ i: importId, p: first.json.total }) : encodeURIComponent(cursor)}`;
    const id = await h.call('GET', path, { token: admin });
    expect(id.status).toBe(400);
    expect(id.json.error.code).toBe('VALIDATION');
    const en = await h.call('GET', path, { token: admin, lang: 'en' });
    expect(en.status).toBe(400);
    if (cursor !== 'OFFSET') {
      expect(id.json.error.message).toBe('Kursor halaman tidak valid; muat halaman pertama lagi.');
      expect(en.json.error.message).toBe('Invalid page cursor; load the first page again.');
      expect(en.json.error.fields.cursor).toHaveLength(1);
    }
  });

  it('a cursor of a set no longer in force is 409 (another import came in between), not a page of two sets', async () => {
    const first = await h.call('GET', '/api/admin/candidates?limit=100', { token: admin });
    expect((await send('POST', '/api/admin/candidates/import', candidates(120), admin)).status).toBe(200);
    const stale = await h.call('GET', `/api/admin/candidates?cursor=${first.json.next}`, {
      token: admin,
      lang: 'en',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe(
      'The candidate list changed (a new import); load the first page again.',
    );
    const fresh = await h.call('GET', '/api/admin/candidates?limit=100', { token: admin });
    expect(fresh.json.total).toBe(120);
  });

  it('a page with a cursor: proctor and auditor 403, anonymous 401', async () => {
    const first = await h.call('GET', '/api/admin/candidates?limit=50', { token: admin });
    const path = `/api/admin/candidates?cursor=${first.json.next}`;
    expect((await h.call('GET', path, { token: proctor })).status).toBe(403);
    expect((await h.call('GET', path, { token: auditor })).status).toBe(403);
    expect((await h.call('GET', path)).status).toBe(401);
    // The auditor reads the same pages under /api/auditor.
    const audited = await h.call('GET', `/api/auditor/candidates?limit=50&cursor=${first.json.next}`, {
      token: auditor,
    });
    expect(audited.json).toMatchObject({
      offset: 50,
      candidates: first.json.candidates.map(() => expect.anything()),
    });
  });
});

describe('role matrix: registry routes', () => {
  const routes: Array<[string, string, string | undefined]> = [
    ['GET', '/api/admin/formations', undefined],
    ['PUT', '/api/admin/formations', FORMATIONS.replace('F-AK-01', 'F-ZZ-01')],
    [
      'PUT',
      '/api/admin/formations/F-ZZ-02',
      JSON.stringify({ position: 'p', agencyUnit: 'u', openings: 1, formationType: 'umum' }),
    ],
    ['GET', '/api/admin/candidates', undefined],
    ['POST', '/api/admin/candidates/import', candidates(3).replaceAll('REG-', 'ZZZ-')],
    ['GET', `/api/admin/audit-log?day=2026-01-01`, undefined],
  ];
  it.each(routes)(
    '%s %s: anonymous 401, proctor 403, auditor 403, nothing written',
    async (method, path, body) => {
      const formations = await h.store.formations.list();
      const pointer = await h.store.candidates.getPointer();
      const day = auditDay(h.now());
      const entries = (await h.store.audit.listDay(day)).length;
      const headers: Record<string, string> = path.includes('/formations/F')
        ? { 'content-type': 'application/json' }
        : {};
      for (const [token, status] of [
        [undefined, 401],
        [proctor, 403],
        [auditor, 403],
      ] as const) {
        const res = await send(method, path, body ?? '', token, headers);
        expect(res.status).toBe(status);
      }
      expect(await h.store.formations.list()).toEqual(formations);
      expect(await h.store.candidates.getPointer()).toEqual(pointer);
      expect((await h.store.audit.listDay(day)).length).toBe(entries);
    },
  );

  it.each([
    ['/api/auditor/audit-log?day=2026-01-01'],
    ['/api/auditor/formations'],
    ['/api/auditor/candidates'],
  ])('%s: auditor reads; admin and proctor 403; anonymous 401', async (path) => {
    expect((await h.call('GET', path, { token: auditor })).status).toBe(200);
    expect((await h.call('GET', path, { token: admin })).status).toBe(403);
    expect((await h.call('GET', path, { token: proctor })).status).toBe(403);
    expect((await h.call('GET', path)).status).toBe(401);
  });

  it('a bad day or page query is 400, not 5xx', async () => {
    expect((await h.call('GET', '/api/auditor/audit-log?day=yesterday', { token: auditor })).status).toBe(
      400,
    );
    expect((await h.call('GET', '/api/admin/candidates?limit=0', { token: admin })).status).toBe(400);
    expect(
      (await h.call('PUT', '/api/admin/formations/F-AK-01', { token: admin, body: { openings: -1 } })).status,
    ).toBe(400);
  });
});
