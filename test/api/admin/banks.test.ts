// Admin bank import/export through the API: CSV and JSON, all-or-nothing with row numbers, admin only.
import { beforeAll, describe, expect, it } from 'vitest';
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
