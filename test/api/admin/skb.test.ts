// SKB through the API: settings, CSV import (all or nothing, every bad row), final ranking worked by hand
// (SKD 40 % + SKB 60 %), its anonymized signed publication (no personal data, no component or psych value),
// and the role matrix of every SKB route (nothing written on a refusal).
import { beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../../functions/domain/pseudonym.ts';
import { verifyDocument } from '../../../functions/domain/signature.ts';
import { DEMO_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { publishedKeys } from '../../../functions/services/publication.ts';
import { finalPublicationId } from '../../../functions/services/skb.ts';
import { type ApiHarness, apiHarness, TEST_PUBLICATION_KEYS } from '../harness.ts';
import { bestChoice, putFormation, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
let admin: string;
const exam = DEMO_EXAM_ID;
const finalId = finalPublicationId(exam);
const reg = (i: number) => h.demo.candidates[i]?.regNo ?? '';
const pseudo = (i: number) => pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, reg(i));

/** Candidate i answers every item with its best option except `skipTwk` TWK items (each −5), then submits. */
const sit = async (i: number, skipTwk: number | 'all') =>
  (
    await sitAndSubmit(h, i, (items, bank) => {
      if (skipTwk === 'all') return [];
      let skipped = 0;
      return items
        .filter((it) => !(it.sectionId === 'TWK' && skipped++ < skipTwk))
        .map((it) => ({ itemId: it.itemId, choice: bestChoice(bank, it.itemId) }));
    })
  ).submitted;

const send = (method: string, path: string, csv: string, token?: string) =>
  h.call(method, path, {
    rawBody: csv,
    ...(token ? { token } : {}),
    headers: { 'content-type': 'text/csv' },
  });

beforeAll(async () => {
  h = await apiHarness(5);
  await putFormation(h);
  // SKD totals 550, 545, 540, 535 (all pass), candidate 4 answers nothing (fails). Openings 1 -> 3 advance.
  for (const [i, skip] of [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 'all'],
  ] as const)
    await sit(i, skip);
  admin = await h.loginStaff('admin');
}, 120_000);

describe('SKB settings', () => {
  it('default: components 50/30/20 with PSIKOTES 0, final 40/60 of 550, ties total, TKP, TIU, TWK', async () => {
    const res = await h.call('GET', `/api/admin/skb/${exam}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.settings).toEqual({
      mode: 'components',
      componentWeights: { CAT: 50, WAWANCARA: 30, LAINNYA: 20, PSIKOTES: 0 },
      final: { skd: 40, skb: 60, skdMax: 550 },
      tieBreaks: ['total', 'TKP', 'TIU', 'TWK'],
    });
    expect(res.json.import).toBeNull();
  });

  it.each([
    ['weights not summing to 100', { componentWeights: { CAT: 50, WAWANCARA: 30 } }],
    ['final weights not summing to 100', { final: { skd: 40, skb: 50, skdMax: 550 } }],
    ['an unknown component', { componentWeights: { CAT: 90, HOROSCOPE: 10 } }],
    ['a repeated tie-break', { tieBreaks: ['TKP', 'TKP'] }],
    ['an unknown tie-break', { tieBreaks: ['name'] }],
    ['a fractional weight', { componentWeights: { CAT: 50.5, WAWANCARA: 29.5, LAINNYA: 20 } }],
  ])('refuses %s with 400 and field messages; nothing stored', async (_n, patch) => {
    const body = {
      mode: 'components',
      componentWeights: { CAT: 50, WAWANCARA: 30, LAINNYA: 20, PSIKOTES: 0 },
      final: { skd: 40, skb: 60, skdMax: 550 },
      tieBreaks: ['total'],
      ...patch,
    };
    const res = await h.call('PUT', `/api/admin/skb/${exam}/settings`, { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect(await h.store.skb.getSettings(exam)).toBeUndefined();
  });
});

describe('SKB import', () => {
  it('refuses a file with broken rows: every bad row and why, nothing written', async () => {
    const csv = [
      'no_peserta;cat;wawancara;lainnya',
      `${reg(0)};80;70;90`,
      `${reg(0)};80;70;90`,
      'XX;80;70;101',
      'SKD26-99999;80;70;90',
      `${reg(1)};101;70;90`,
      `${reg(2)};80,5;;90`,
      `${reg(3)};abc;70;90`,
      `${reg(1)};80;70`,
    ].join('\n');
    const res = await send('PUT', `/api/admin/skb/${exam}/scores`, csv, admin);
    expect(res.status).toBe(400);
    const problems = res.json.error.details.problems as Array<{ line: number; column?: string }>;
    expect(problems.map((p) => [p.line, p.column ?? ''])).toEqual([
      [3, 'regNo'],
      [4, 'regNo'],
      [4, 'LAINNYA'],
      [5, 'regNo'],
      [6, 'CAT'],
      [7, 'WAWANCARA'],
      [8, 'CAT'],
      [9, ''],
    ]);
    expect(await h.store.skb.getPointer(exam)).toBeUndefined();
  });

  it.each([
    ['a score column in components mode', 'no_peserta,nilai_skb\n{r},80', 'skb'],
    ['a weighted component column missing', 'no_peserta,cat,wawancara\n{r},80,70', 'LAINNYA'],
    ['an unknown column', 'no_peserta,cat,wawancara,lainnya,nama\n{r},80,70,90,Budi', 'nama'],
  ])('refuses %s at line 1', async (_n, csv, column) => {
    const res = await send('PUT', `/api/admin/skb/${exam}/scores`, csv.replace('{r}', reg(0)), admin);
    expect(res.status).toBe(400);
    expect(res.json.error.details.problems[0]).toMatchObject({ line: 1, column });
    expect(await h.store.skb.getPointer(exam)).toBeUndefined();
  });

  it('imports UTF-8 with BOM and `,`: the psych column rides along at weight 0; same file again -> unchanged', async () => {
    const csv = `\uFEFFno_peserta,cat,wawancara,lainnya,psikotes\n${reg(0)},60,60,60,12.345\n${reg(1)},80,70,90,12.345\n${reg(2)},80,70,90,12.345\n${reg(3)},99,99,99,12.345\n`;
    const res = await send('PUT', `/api/admin/skb/${exam}/scores`, csv, admin);
    expect(res.status).toBe(200);
    expect(res.json.report).toMatchObject({ rows: 4, mode: 'components', notAdvanced: 1, changed: true });
    const again = await send('PUT', `/api/admin/skb/${exam}/scores`, csv, admin);
    expect(again.json.report).toMatchObject({ changed: false, importId: res.json.report.importId });
    expect((await h.call('GET', `/api/admin/skb/${exam}`, { token: admin })).json.import).toMatchObject({
      importId: res.json.report.importId,
      rows: 4,
    });
  });
});

describe('final ranking', () => {
  it('hand-worked: 545 & SKB 79 -> 87.036 first; 540 & 79 -> 86.673; 550 & 60 -> 76; 535 did not advance', async () => {
    // SKB = 80×50% + 70×30% + 90×20% = 79; final = 545/550×100×40% (39.6363…) + 79×60% (47.4) = 87.036
    // 540/550×40 = 39.2727… + 47.4 = 86.673; 550/550×40 = 40 + 60×60% = 36 -> 76.000
    const res = await h.call('GET', `/api/admin/skb/${exam}/final`, { token: admin });
    expect(res.status).toBe(200);
    expect(
      res.json.rows.map(
        (r: {
          regNo: string;
          total: number;
          skb: number;
          final: number;
          rank: number;
          advances: boolean;
        }) => [r.regNo, r.total, r.skb, r.final, r.rank, r.advances],
      ),
    ).toEqual([
      [reg(1), 545, 79, 87.036, 1, true],
      [reg(2), 540, 79, 86.673, 2, false],
      [reg(0), 550, 60, 76, 3, false],
    ]);
  });

  it('weights moved to CAT 100 %, final 50/50: the ranking follows (c1 49.545 + 40 = 89.545)', async () => {
    const body = {
      mode: 'components',
      componentWeights: { CAT: 100, WAWANCARA: 0, LAINNYA: 0, PSIKOTES: 0 },
      final: { skd: 50, skb: 50, skdMax: 550 },
      tieBreaks: ['total', 'TKP', 'TIU', 'TWK'],
    };
    expect((await h.call('PUT', `/api/admin/skb/${exam}/settings`, { token: admin, body })).status).toBe(200);
    const rows = (await h.call('GET', `/api/admin/skb/${exam}/final`, { token: admin })).json.rows;
    // c1: 545/550×50 = 49.5454… + 80×50% = 40 -> 89.545; c2: 49.0909… + 40 = 89.091; c0: 50 + 30 = 80
    expect(rows.map((r: { final: number }) => r.final)).toEqual([89.545, 89.091, 80]);
    const back = {
      ...body,
      componentWeights: { CAT: 50, WAWANCARA: 30, LAINNYA: 20, PSIKOTES: 0 },
      final: { skd: 40, skb: 60, skdMax: 550 },
    };
    expect(
      (await h.call('PUT', `/api/admin/skb/${exam}/settings`, { token: admin, body: back })).status,
    ).toBe(200);
  });

  it('publishes <exam>.final: signed, Merkle-rooted, skb/final per row, no personal data, no component or psych value', async () => {
    const before = await h.call('GET', `/api/admin/skb/${exam}/final`, { token: admin });
    expect(before.json.publication).toEqual({
      publicationId: finalId,
      latest: null,
      rows: 3,
      upToDate: false,
    });
    const res = await h.call('POST', `/api/admin/publications/${exam}/final`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.publication).toMatchObject({
      created: true,
      publicationId: finalId,
      version: 1,
      size: 3,
    });
    const keys = (await h.call('GET', '/api/public/keys')).json.keys;
    const pub = await h.call('GET', `/api/public/rankings/${finalId}`);
    expect(pub.status).toBe(200);
    expect(verifyDocument(pub.json, keys)).toBe(true);
    expect(pub.json.document.final).toEqual({
      skdWeight: 40,
      skbWeight: 60,
      skdMax: 550,
      tieBreaks: ['total', 'TKP', 'TIU', 'TWK'],
    });
    expect(pub.json.document.rows[0]).toMatchObject({
      pseudonym: pseudo(1),
      skb: 79,
      final: 87.036,
      rank: 1,
    });
    const proof = await h.call('GET', `/api/public/rankings/${finalId}/proofs/${pseudo(2)}`);
    expect(proof.status).toBe(200);
    const paths = [publishedKeys.latest(finalId)];
    for (const f of ['ranking.json', 'ranking.csv', 'index.html', 'index.en.html'])
      paths.push(publishedKeys.version(finalId, 1, f));
    const roster = h.demo.candidates.flatMap((c) => [c.regNo, c.name, c.pin]);
    for (const key of paths) {
      const body = (await h.store.objects.get(h.store.config.publicBucket, key))?.toString('utf8') ?? '';
      expect(body.length, key).toBeGreaterThan(0);
      for (const v of [...roster, '12.345', 'PSIKOTES', 'psikotes', 'WAWANCARA', 'componentWeights'])
        expect(body.includes(v), `${v} in ${key}`).toBe(false);
    }
    const csv =
      (
        await h.store.objects.get(
          h.store.config.publicBucket,
          publishedKeys.version(finalId, 1, 'ranking.csv'),
        )
      )?.toString('utf8') ?? '';
    expect(csv.split('\n')[0]).toBe(
      'pseudonym,formation,TWK,TIU,TKP,total,skb,final,passed,rank,advances,receipt',
    );
    expect(csv.split('\n')[1]).toContain(`${pseudo(1)},F-ANALIS-001,`);
    expect(csv.split('\n')[1]).toContain(',545,79,87.036,true,1,true,');
    const again = await h.call('POST', `/api/admin/publications/${exam}/final`, { token: admin });
    expect(again.json.publication).toMatchObject({ created: false, version: 1 });
    const after = await h.call('GET', `/api/admin/skb/${exam}/final`, { token: admin });
    expect(after.json.publication).toMatchObject({
      latest: { version: 1, size: 3 },
      rows: 3,
      upToDate: true,
    });
  });

  it('the preview says the published final ranking is stale once the final weights change, current when back', async () => {
    const settings = (await h.call('GET', `/api/admin/skb/${exam}`, { token: admin })).json.settings;
    const moved = { ...settings, final: { ...settings.final, skd: 50, skb: 50 } };
    expect(
      (await h.call('PUT', `/api/admin/skb/${exam}/settings`, { token: admin, body: moved })).status,
    ).toBe(200);
    const stale = await h.call('GET', `/api/admin/skb/${exam}/final`, { token: admin });
    expect(stale.json.publication).toMatchObject({ latest: { version: 1 }, upToDate: false });
    expect(
      (await h.call('PUT', `/api/admin/skb/${exam}/settings`, { token: admin, body: settings })).status,
    ).toBe(200);
    const back = await h.call('GET', `/api/admin/skb/${exam}/final`, { token: admin });
    expect(back.json.publication).toMatchObject({ latest: { version: 1 }, upToDate: true });
  });
});

describe('role matrix: every SKB route refuses anonymous (401) and wrong roles (401/403), writing nothing', () => {
  const routes: Array<[string, string, 'json' | 'csv' | 'none']> = [
    ['GET', `/api/admin/skb/${DEMO_EXAM_ID}`, 'none'],
    ['PUT', `/api/admin/skb/${DEMO_EXAM_ID}/settings`, 'json'],
    ['PUT', `/api/admin/skb/${DEMO_EXAM_ID}/scores`, 'csv'],
    ['GET', `/api/admin/skb/${DEMO_EXAM_ID}/final`, 'none'],
    ['POST', `/api/admin/publications/${DEMO_EXAM_ID}/final`, 'none'],
  ];
  const body = {
    mode: 'score',
    componentWeights: { CAT: 100 },
    final: { skd: 10, skb: 90, skdMax: 550 },
    tieBreaks: [],
  };
  it.each(routes)('%s %s', async (method, path, kind) => {
    const settingsBefore = await h.store.skb.getSettings(exam);
    const pointerBefore = await h.store.skb.getPointer(exam);
    const pubBefore = await h.store.publications.get(finalId);
    const proctor = await h.loginStaff('proctor');
    const auditor = await h.loginStaff('auditor');
    const cand = await h.loginCandidate(0);
    for (const [token, allowed] of [
      [undefined, [401]],
      [proctor, [403]],
      [auditor, [401, 403]],
      [cand.token, [401, 403]],
    ] as const) {
      const opts = { ...(token ? { token } : {}) };
      const res =
        kind === 'csv'
          ? await send(method, path, `no_peserta,nilai_skb\n${reg(0)},1`, token)
          : await h.call(method, path, kind === 'json' ? { ...opts, body } : opts);
      expect(allowed, `${token ? 'token' : 'anonymous'}: ${res.status}`).toContain(res.status);
    }
    expect(await h.store.skb.getSettings(exam)).toEqual(settingsBefore);
    expect(await h.store.skb.getPointer(exam)).toEqual(pointerBefore);
    expect(await h.store.publications.get(finalId)).toEqual(pubBefore);
  });

  it('unknown exam -> 404; malformed exam id -> 400', async () => {
    expect((await h.call('GET', `/api/admin/skb/no-such-exam/final`, { token: admin })).status).toBe(404);
    expect((await h.call('GET', `/api/admin/skb/${'x'.repeat(80)}`, { token: admin })).status).toBe(400);
  });
});
