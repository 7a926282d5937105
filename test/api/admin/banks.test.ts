// Admin bank import/export through the API: CSV and JSON, all-or-nothing with row numbers, admin only.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../../functions/domain/audit-log.ts';
import { DEMO_BANK_ID, DEMO_PSYCH_BANK_ID } from '../../../functions/local/demo-data.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
let admin: string;
beforeAll(async () => {
  h = await apiHarness(1);
  admin = await h.loginStaff('admin');
});

const csv = [
  'id,category,kind,difficulty,stem,options,key,weights',
  'x-001,TWK,single,easy,Ibu kota negara diatur dengan ...,undang-undang | peraturan daerah | keputusan menteri,a,',
  'x-002,TKP,weighted,,Rekan kerja meminta bantuan saat Anda sibuk ...,menolak | menunda | membantu setelah tugas selesai | membantu segera | melapor,,1|2|5|4|3',
].join('\n');

const put = (bankId: string, body: string, type: string, token = admin) =>
  h.app.request(`/api/admin/banks/${bankId}/items`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });

describe('bank import/export', () => {
  it('imports CSV and exports it back as CSV and JSON', async () => {
    const res = await put('bank-a', csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 2, byCategory: { TWK: 1, TKP: 1 } });
    const items = await h.store.banks.list('bank-a');
    expect(items.map((i) => i.id).sort()).toEqual(['x-001', 'x-002']);

    const out = await h.app.request('/api/admin/banks/bank-a/items?format=csv', {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(out.headers.get('content-type')).toMatch(/text\/csv/);
    const again = await put('bank-b', await out.text(), 'text/csv');
    expect(again.status).toBe(200);
    expect((await h.store.banks.list('bank-b')).map((i) => i.stem).sort()).toEqual(
      items.map((i) => i.stem).sort(),
    );

    const json = await h.app.request('/api/admin/banks/bank-a/items', {
      headers: { authorization: `Bearer ${admin}` },
    });
    const viaJson = await put('bank-c', await json.text(), 'application/json');
    expect(viaJson.status).toBe(200);
  });

  it('rejects a CSV with bad rows as a whole, listing each row', async () => {
    const bad = `${csv}\nx-003,TWK,single,,Soal tanpa kunci,satu | dua,,\nx-004,TKP,weighted,,Bobot salah,satu | dua,,9|1`;
    const res = await put('bank-d', bad, 'text/csv');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('INVALID_ITEM');
    expect([...new Set(body.error.details.rows.map((r: { row: number }) => r.row))]).toEqual([4, 5]);
    expect(await h.store.banks.list('bank-d')).toEqual([]);
  });

  it.each([
    ['text/plain', 'hello', 400],
    ['application/json', '{"not":', 400],
    ['application/json', '{"not":"an array"}', 400],
  ])('%s %s -> %i', async (type, body, status) => {
    expect((await put('bank-e', body, type)).status).toBe(status);
  });

  it('only an admin may import (proctor 403, candidate 403)', async () => {
    const proctor = await h.loginStaff('proctor');
    const candidate = (await h.loginCandidate(0)).token;
    expect((await put('bank-f', csv, 'text/csv', proctor)).status).toBe(403);
    expect((await put('bank-f', csv, 'text/csv', candidate)).status).toBe(403);
    expect(await h.store.banks.list('bank-f')).toEqual([]);
  });

  it('exporting an empty bank -> 404', async () => {
    const res = await h.app.request('/api/admin/banks/nothing/items', {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(404);
  });
});

describe('bank catalogue: list, snapshots, preview as a candidate sees it, audited import', () => {
  it('lists the banks with their current snapshot; each import adds a snapshot (the same items again: none)', async () => {
    const banks = await h.call('GET', '/api/admin/banks', { token: admin });
    const ids = banks.json.banks.map((b: { bankId: string }) => b.bankId);
    expect(ids).toEqual(expect.arrayContaining([DEMO_BANK_ID, DEMO_PSYCH_BANK_ID, 'bank-a']));
    const first = await put('bank-s', csv, 'text/csv');
    const firstId = (await first.json()).snapshotId;
    h.advance(1000);
    await put('bank-s', csv, 'text/csv');
    h.advance(1000);
    const changed = csv.replace('Ibu kota negara', 'Lambang negara');
    const second = (await (await put('bank-s', changed, 'text/csv')).json()).snapshotId;
    const res = await h.call('GET', '/api/admin/banks/bank-s/snapshots', { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.head).toBe(second);
    expect(res.json.snapshots.map((s: { snapshotId: string }) => s.snapshotId)).toEqual([firstId, second]);
    expect(res.json.snapshots[0]).toMatchObject({
      itemCount: 2,
      byCategory: { TWK: 1, TKP: 1 },
      origin: 'import',
    });
    expect((await h.call('GET', '/api/admin/banks/nothing/snapshots', { token: admin })).status).toBe(404);
  });

  it('every import through the API is in the audit log', async () => {
    const entries = await h.store.audit.listDay(auditDay(h.now()));
    expect(entries.filter((e) => e.action === 'bank.import' && e.target === 'bank:bank-s')).toHaveLength(3);
    expect(entries.find((e) => e.target === 'bank:bank-s')?.details).toMatchObject({
      format: 'csv',
      items: 2,
    });
  });

  it('preview: the candidate presentation (letters, no key, no weights), paged, by category and by snapshot', async () => {
    const res = await h.call('GET', '/api/admin/banks/bank-s/preview', { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(2);
    const tkp = res.json.items.find((i: { category: string }) => i.category === 'TKP');
    expect(tkp.options.map((o: { id: string }) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(tkp.options[2].text).toBe('membantu setelah tugas selesai');
    expect(JSON.stringify(res.json)).not.toMatch(/"key"|"weights"/);
    expect(res.json.items[0]).toMatchObject({
      number: 1,
      kind: expect.any(String),
      bankItemId: expect.any(String),
    });
    const twk = await h.call('GET', '/api/admin/banks/bank-s/preview?category=TWK', { token: admin });
    expect(twk.json.items.map((i: { stem: string }) => i.stem)).toEqual(['Lambang negara diatur dengan ...']);
    const snaps = (await h.call('GET', '/api/admin/banks/bank-s/snapshots', { token: admin })).json.snapshots;
    const old = await h.call(
      'GET',
      `/api/admin/banks/bank-s/preview?category=TWK&snapshotId=${snaps[0].snapshotId}`,
      {
        token: admin,
      },
    );
    expect(old.json.items[0].stem).toBe('Ibu kota negara diatur dengan ...');
    const paged = await h.call('GET', `/api/admin/banks/${DEMO_BANK_ID}/preview?offset=5&limit=3`, {
      token: admin,
    });
    expect(paged.json.items.map((i: { number: number }) => i.number)).toEqual([6, 7, 8]);
  });

  it.each([['?limit=0'], ['?limit=500'], ['?snapshotId=xyz'], ['?category=bad%20cat']])(
    'preview%s -> 400 with fields',
    async (q) => {
      const res = await h.call('GET', `/api/admin/banks/bank-s/preview${q}`, { token: admin });
      expect(res.status).toBe(400);
      expect(res.json.error.fields).toBeDefined();
    },
  );

  it('an unknown snapshot or bank -> 404; another bank’s snapshot -> 404', async () => {
    const other = await h.store.banks.head(DEMO_BANK_ID);
    expect(
      (await h.call('GET', `/api/admin/banks/bank-s/preview?snapshotId=${'f'.repeat(64)}`, { token: admin }))
        .status,
    ).toBe(404);
    expect(
      (await h.call('GET', `/api/admin/banks/bank-s/preview?snapshotId=${other}`, { token: admin })).status,
    ).toBe(404);
    expect((await h.call('GET', '/api/admin/banks/nothing/preview', { token: admin })).status).toBe(404);
  });

  it('preview is admin only (item content is secret): proctor and auditor 403, anonymous 401', async () => {
    const proctor = await h.loginStaff('proctor');
    const auditor = await h.loginStaff('auditor');
    const path = '/api/admin/banks/bank-s/preview';
    expect((await h.call('GET', path)).status).toBe(401);
    expect((await h.call('GET', path, { token: proctor })).status).toBe(403);
    expect((await h.call('GET', path, { token: auditor })).status).toBe(403);
    expect((await h.call('GET', '/api/auditor/banks/bank-s/preview', { token: auditor })).status).toBe(404);
  });

  it('a refused import (proctor, bad rows) writes no audit entry and no snapshot', async () => {
    const before = await h.store.audit.listDay(auditDay(h.now()));
    const proctor = await h.loginStaff('proctor');
    expect((await put('bank-s', csv.replace('x-001', 'x-009'), 'text/csv', proctor)).status).toBe(403);
    expect(
      (await put('bank-s', `${csv}\nx-005,TWK,single,,tanpa kunci,satu | dua,,`, 'text/csv')).status,
    ).toBe(400);
    expect(await h.store.audit.listDay(auditDay(h.now()))).toHaveLength(before.length);
    expect(await h.store.banks.listSnapshots('bank-s')).toHaveLength(2);
  });
});
