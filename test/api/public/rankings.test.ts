// Publication through the API: admin publishes, anyone reads the signed ranking, keys, proofs and the live
// scoreboard; nothing published carries a roster value; every route refuses the wrong role and bad input.
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../functions/domain/digest.ts';
import { fromHex, verifyInclusion } from '../../../functions/domain/merkle.ts';
import { pseudonym } from '../../../functions/domain/pseudonym.ts';
import { rowLeaf } from '../../../functions/domain/publication.ts';
import { verifyDocument } from '../../../functions/domain/signature.ts';
import { DEMO_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { publishedKeys } from '../../../functions/services/publication.ts';
import { apiHarness, TEST_PUBLICATION_KEYS } from '../harness.ts';
import { firstItems, putFormation, sitAndSubmit } from '../sitting.ts';

let h: Awaited<ReturnType<typeof apiHarness>>;
let admin: string;
const exam = DEMO_EXAM_ID;

/** Candidate i answers the first n items with the first option shown, then submits. */
const sit = (i: number, n: number) => sitAndSubmit(h, i, firstItems(n));

beforeAll(async () => {
  h = await apiHarness(4);
  await putFormation(h);
  admin = await h.loginStaff('admin');
}, 60_000);

describe('live scoreboard', () => {
  it('shows a finished attempt within the cache age, pseudonym only, cacheable, no login', async () => {
    const before = await h.call('GET', `/api/public/sessions/${h.demo.sessionId}/scoreboard`);
    expect(before.status).toBe(200);
    expect(before.json.rows).toEqual([]);
    await sit(0, 40);
    h.advance(5_001);
    const app = await h.app.request(`/api/public/sessions/${h.demo.sessionId}/scoreboard`);
    expect(app.headers.get('cache-control')).toBe('public, max-age=5');
    const board = await app.json();
    const c0 = h.demo.candidates[0];
    expect(board.rows).toHaveLength(1);
    expect(board.rows[0]).toMatchObject({
      pseudonym: pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, c0?.regNo ?? ''),
    });
    expect(JSON.stringify(board)).not.toContain(c0?.regNo);
    expect(JSON.stringify(board)).not.toContain(c0?.name);
  });
  it('unknown session -> 404, malformed id -> 400', async () => {
    expect((await h.call('GET', '/api/public/sessions/nope/scoreboard')).status).toBe(404);
    expect((await h.call('GET', `/api/public/sessions/${'x'.repeat(80)}/scoreboard`)).status).toBe(400);
  });
});

describe('publication', () => {
  let version: number;
  it('admin publishes: signed, versioned, idempotent', async () => {
    await sit(1, 80);
    await sit(2, 10);
    const first = await h.call('POST', `/api/admin/publications/${exam}`, { token: admin });
    expect(first.status).toBe(200);
    expect(first.json.publication).toMatchObject({ created: true, publicationId: exam, size: 3 });
    version = first.json.publication.version;
    const again = await h.call('POST', `/api/admin/publications/${exam}`, { token: admin });
    expect(again.json.publication).toMatchObject({
      created: false,
      version,
      root: first.json.publication.root,
    });
  });

  it('the signed ranking verifies against the published key; each row has the right shape', async () => {
    const keys = (await h.call('GET', '/api/public/keys')).json.keys;
    const pub = await h.call('GET', `/api/public/rankings/${exam}`);
    expect(pub.status).toBe(200);
    expect(verifyDocument(pub.json, keys)).toBe(true);
    const rows = pub.json.document.rows;
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]).sort()).toEqual([
      'advances',
      'formationId',
      'passed',
      'pseudonym',
      'rank',
      'receipt',
      'sections',
      'total',
    ]);
    // passing rows first with ascending ranks, then the rest unranked; every receipt is a stored result's
    const passing = rows.filter((r: { passed: boolean }) => r.passed);
    expect(rows.slice(0, passing.length)).toEqual(passing);
    expect(passing.map((r: { rank: number }) => r.rank)).toEqual(
      passing.map((r: { rank: number }) => r.rank).sort((x: number, y: number) => x - y),
    );
    for (const r of rows.slice(passing.length)) expect(r.rank).toBeNull();
    const attempts = await h.store.attempts.listBySession(h.demo.sessionId);
    const receipts = await Promise.all(
      attempts.map(async (m) => (await h.store.attempts.getResult(m.attemptId))?.logHash),
    );
    for (const r of rows) expect(receipts).toContain(r.receipt);
  });

  it('an inclusion proof per pseudonym verifies with WebCrypto and fails when altered', async () => {
    const regNo = h.demo.candidates[1]?.regNo ?? '';
    const p = pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, regNo);
    const res = await h.call('GET', `/api/public/rankings/${exam}/proofs/${p}`);
    expect(res.status).toBe(200);
    const proof = res.json;
    const web = async (d: Uint8Array) => new Uint8Array(await webcrypto.subtle.digest('SHA-256', d));
    const check = (row: typeof proof.row) =>
      verifyInclusion(
        web,
        rowLeaf(sha256, row),
        proof.index,
        proof.size,
        proof.path.map(fromHex),
        fromHex(proof.root),
      );
    expect(await check(proof.row)).toBe(true);
    expect(await check({ ...proof.row, total: proof.row.total + 5 })).toBe(false);
  });

  it("the candidate's result slip carries the pseudonym of the published row", async () => {
    const login = await h.loginCandidate(1);
    const res = await h.call('GET', `/api/candidate/attempts/${login.attemptId}/result`, {
      token: login.token,
    });
    expect(res.status).toBe(200);
    const expected = pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, h.demo.candidates[1]?.regNo ?? '');
    expect(res.json.pseudonym).toBe(expected);
    const rows = (await h.call('GET', `/api/public/rankings/${exam}`)).json.document.rows;
    expect(rows.find((r: { pseudonym: string }) => r.pseudonym === expected)?.receipt).toBe(res.json.receipt);
  });

  it('proof: unknown pseudonym -> 404, malformed -> 400; unknown exam -> 404', async () => {
    expect((await h.call('GET', `/api/public/rankings/${exam}/proofs/${'0'.repeat(16)}`)).status).toBe(404);
    expect((await h.call('GET', `/api/public/rankings/${exam}/proofs/XYZ`)).status).toBe(400);
    expect((await h.call('GET', '/api/public/rankings/no-such-exam')).status).toBe(404);
    expect((await h.call('POST', '/api/admin/publications/no-such-exam', { token: admin })).status).toBe(404);
  });

  it('only an admin publishes: no token 401, proctor / auditor / candidate 401 or 403', async () => {
    expect((await h.call('POST', `/api/admin/publications/${exam}`)).status).toBe(401);
    const proctor = await h.loginStaff('proctor');
    expect((await h.call('POST', `/api/admin/publications/${exam}`, { token: proctor })).status).toBe(403);
    const auditor = await h.loginStaff('auditor');
    expect([401, 403]).toContain(
      (await h.call('POST', `/api/admin/publications/${exam}`, { token: auditor })).status,
    );
    const cand = await h.loginCandidate(3);
    expect([401, 403]).toContain(
      (await h.call('POST', `/api/admin/publications/${exam}`, { token: cand.token })).status,
    );
  });

  it('a new result makes a new version; the old one stays', async () => {
    await sit(3, 100);
    const next = await h.call('POST', `/api/admin/publications/${exam}`, { token: admin });
    expect(next.json.publication).toMatchObject({ created: true, version: version + 1, size: 4 });
    const old = await h.store.objects.get(
      h.store.config.publicBucket,
      publishedKeys.version(exam, version, 'ranking.json'),
    );
    expect(JSON.parse(old?.toString() ?? '{}').document.rows).toHaveLength(3);
  });

  it('no published file contains any roster value (registration number, name, PIN)', async () => {
    const latest = (await h.call('POST', `/api/admin/publications/${exam}`, { token: admin })).json
      .publication;
    const paths = [publishedKeys.keys, publishedKeys.latest(exam)];
    for (let v = 1; v <= latest.version; v++)
      for (const f of ['ranking.json', 'ranking.csv', 'index.html', 'index.en.html', 'style.css'])
        paths.push(publishedKeys.version(exam, v, f));
    const roster = h.demo.candidates.flatMap((c) => [c.regNo, c.name, c.pin, ...c.name.split(' ')]);
    let checked = 0;
    for (const key of paths) {
      const body = (await h.store.objects.get(h.store.config.publicBucket, key))?.toString('utf8');
      expect(body, key).toBeDefined();
      checked++;
      for (const value of roster) expect(body?.includes(value), `${value} in ${key}`).toBe(false);
    }
    expect(checked).toBe(2 + 5 * latest.version);
  });
});
