// Regrade through the API: admin only, zod-checked, a corrected key re-scores a finished attempt by replay
// (same form, same receipt, old score kept), idempotent, audited, and the next publication moves the row.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../../functions/domain/audit-log.ts';
import { type BundleBank, bundlePaths } from '../../../functions/domain/bundle.ts';
import type { SingleItem } from '../../../functions/domain/items.ts';
import { pseudonym } from '../../../functions/domain/pseudonym.ts';
import { regradeIdOf } from '../../../functions/domain/regrade.ts';
import { snapshotOf } from '../../../functions/domain/snapshot.ts';
import { verifyBundle } from '../../../functions/domain/verify.ts';
import { DEMO_EXAM_ID } from '../../../functions/local/demo-data.ts';
import { messages } from '../../../functions/schemas/messages.ts';
import { type ApiHarness, apiHarness, TEST_PUBLICATION_KEYS } from '../harness.ts';
import { bestInSection, type FormItem, putFormation, sitAndSubmit } from '../sitting.ts';

let h: ApiHarness;
let admin: string;
const exam = DEMO_EXAM_ID;
const path = `/api/admin/exams/${exam}/regrade`;
let attemptId: string;
let first: SingleItem;
let corrected: string;
let submittedTotal: number;
let receipt: string;

/** The state a regrade may write: the exam record and the stored result. */
const state = async () => ({
  exam: await h.store.exams.get(exam),
  result: await h.store.attempts.getResult(attemptId),
});

const correction = (item: SingleItem, key: string) => {
  const { bankId: _bank, ...rest } = item;
  return { ...rest, key };
};

beforeAll(async () => {
  h = await apiHarness(1);
  await putFormation(h);
  admin = await h.loginStaff('admin');
  // Candidate 0 answers three TWK items with their keys (3 × 5 = 15) and submits.
  const s = await sitAndSubmit(h, 0, bestInSection('TWK', 3));
  attemptId = s.attemptId;
  expect(s.submitted.sections[0]).toMatchObject({ id: 'TWK', score: 15 });
  submittedTotal = s.submitted.total;
  receipt = s.submitted.receipt;
  const twk0 = (s.form.items as FormItem[]).find((i) => i.sectionId === 'TWK')!.itemId;
  first = s.bank(twk0).item as SingleItem;
  corrected = first.options.find((o) => o.id !== first.key)!.id;
}, 60_000);

describe('POST /api/admin/exams/:examId/regrade: who and what', () => {
  it.each(['proctor', 'auditor', 'none'] as const)('%s -> 401/403 and nothing written', async (who) => {
    const before = await state();
    const token = who === 'none' ? undefined : await h.loginStaff(who);
    const res = await h.call('POST', path, {
      token,
      body: { bankId: first.bankId, reason: 'kunci salah', items: [correction(first, corrected)] },
    });
    expect(res.status).toBe(who === 'none' ? 401 : 403);
    expect(await state()).toEqual(before);
  });

  it.each<[string, unknown]>([
    ['no reason', { bankId: 'x', items: [] }],
    ['empty items', { bankId: 'x', reason: 'kunci salah', items: [] }],
    ['items and snapshotId together', { bankId: 'x', reason: 'kunci salah', items: [{}], snapshotId: 'a' }],
    ['a short snapshot id', { bankId: 'x', reason: 'kunci salah', snapshotId: 'abc' }],
    ['an item with an unknown member', { bankId: 'x', reason: 'kunci', items: [{ kind: 'single', x: 1 }] }],
    ['not an object', [1, 2]],
  ])('bad body (%s) -> 400 and nothing written', async (_name, body) => {
    const before = await state();
    const res = await h.call('POST', path, { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect(await state()).toEqual(before);
  });

  it('a correction that rewords an option -> 400 INVALID_ITEM, nothing written', async () => {
    const before = await state();
    const reworded = {
      ...correction(first, first.key),
      options: first.options.map((o, i) => (i === 0 ? { ...o, text: `${o.text} (baru)` } : o)),
    };
    const res = await h.call('POST', path, {
      token: admin,
      body: { bankId: first.bankId, reason: 'kunci salah', items: [reworded] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('INVALID_ITEM');
    expect(res.json.error.message).toBe(messages['INVALID_ITEM.regradeOptions'].id);
    expect(await state()).toEqual(before);
  });

  it('an unknown exam -> 404; a bank the exam never used -> 404', async () => {
    const body = { bankId: first.bankId, reason: 'kunci salah', items: [correction(first, corrected)] };
    expect((await h.call('POST', '/api/admin/exams/nope/regrade', { token: admin, body })).status).toBe(404);
    const other = await h.call('POST', path, { token: admin, body: { ...body, bankId: 'no-such-bank' } });
    expect(other.status).toBe(404);
  });
});

describe('regrade through the API', () => {
  it('re-scores the finished attempt by replay: same form and receipt, new score, old score kept; moves the published row', async () => {
    const pub0 = await h.call('POST', `/api/admin/publications/${exam}`, { token: admin });
    expect(pub0.status).toBe(200);
    const mine = pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, h.demo.candidates[0]!.regNo);
    const rowOf = async () =>
      (await h.call('GET', `/api/public/rankings/${exam}`)).json.document.rows.find(
        (r: { pseudonym: string }) => r.pseudonym === mine,
      );
    expect((await rowOf()).total).toBe(submittedTotal);

    const metaBefore = (await h.store.attempts.get(attemptId, true))!;
    const pinned = await h.services.contentCache.exam(exam, metaBefore.bankSnapshots);
    const formBefore = JSON.stringify(h.services.contentCache.form(attemptId, pinned, metaBefore.seed));

    const res = await h.call('POST', path, {
      token: admin,
      body: { bankId: first.bankId, reason: 'Kunci butir TWK keliru', items: [correction(first, corrected)] },
    });
    expect(res.status).toBe(200);
    const { regrade } = res.json;
    expect(regrade).toMatchObject({ examId: exam, bankId: first.bankId, rescored: 1, changed: 1 });
    // The affected result, old -> new (what the console's regrade screen shows).
    expect(regrade.affected).toEqual([
      expect.objectContaining({
        attemptId,
        before: expect.objectContaining({ total: submittedTotal }),
        after: expect.objectContaining({ total: submittedTotal - 5 }),
      }),
    ]);
    expect(regrade.corrections).toHaveLength(1);
    expect(regrade.corrections[0]).toMatchObject({
      fromSnapshot: metaBefore.bankSnapshots![first.bankId],
      changed: [{ itemId: first.id, fields: ['key'] }],
    });
    const regradeId = regrade.corrections[0].regradeId;

    const { exam: examAfter, result } = await state();
    expect(examAfter?.scoringCorrections).toEqual({
      [regrade.corrections[0].fromSnapshot]: { snapshotId: regrade.corrections[0].toSnapshot, regradeId },
    });
    expect(result).toMatchObject({
      total: submittedTotal - 5,
      logHash: receipt,
      regradeIds: [regradeId],
      previous: [{ total: submittedTotal, regradeIds: [], replacedBy: [regradeId] }],
    });
    expect(result?.sections.TWK).toBe(10);
    expect(result?.previous?.[0]?.sections.TWK).toBe(15);

    // The form and the attempt's pinned snapshots did not move; the corrected snapshot is stored.
    const metaAfter = (await h.store.attempts.get(attemptId, true))!;
    expect(metaAfter.bankSnapshots).toEqual(metaBefore.bankSnapshots);
    const again = await h.services.contentCache.exam(exam, metaAfter.bankSnapshots);
    expect(JSON.stringify(h.services.contentCache.form(attemptId, again, metaAfter.seed))).toBe(formBefore);
    const twin = await h.store.banks.getSnapshot(regrade.corrections[0].toSnapshot);
    expect((twin?.items.find((i) => i.id === first.id) as SingleItem | undefined)?.key).toBe(corrected);

    // In the admin audit log with its reason and the items it changed.
    const entries = await h.services.auditLog.list(auditDay(h.now()));
    const entry = entries.find((e) => e.action === 'exam.regrade');
    expect(entry).toMatchObject({ target: `exam:${exam}`, reason: 'Kunci butir TWK keliru' });
    expect(entry?.details).toMatchObject({
      bankId: first.bankId,
      corrections: [{ regradeId, items: [first.id] }],
    });

    // The next publication carries the new score.
    const pub1 = await h.call('POST', `/api/admin/publications/${exam}`, { token: admin });
    expect(pub1.json.publication).toMatchObject({
      created: true,
      version: pub0.json.publication.version + 1,
    });
    const row = await rowOf();
    expect(row.total).toBe(submittedTotal - 5);
    expect(row.receipt).toBe(receipt);
  });

  it('is idempotent: the same correction again leaves the exam and the result as they are', async () => {
    const before = await state();
    const res = await h.call('POST', path, {
      token: admin,
      body: { bankId: first.bankId, reason: 'Kunci butir TWK keliru', items: [correction(first, corrected)] },
    });
    expect(res.status).toBe(200);
    expect(res.json.regrade).toMatchObject({ rescored: 1, changed: 0, affected: [] });
    expect(await state()).toEqual(before);
  });

  it('scoring without explicit corrections applies the exam record (what a later finish or recovery does)', async () => {
    const meta = (await h.store.attempts.get(attemptId, true))!;
    h.services.contentCache.clear();
    const rescored = await h.services.finalizer.score(meta);
    expect(rescored.sections.TWK).toBe(10);
    expect(rescored.logHash).toBe(receipt);
  });

  it('correcting back to the original key restores the score and keeps both earlier scores', async () => {
    const res = await h.call('POST', path, {
      token: admin,
      body: { bankId: first.bankId, reason: 'Koreksi dibatalkan', items: [correction(first, first.key)] },
    });
    expect(res.status).toBe(200);
    expect(res.json.regrade.corrections[0].changed).toEqual([]);
    const { result } = await state();
    expect(result?.total).toBe(submittedTotal);
    expect(result?.previous?.map((p) => p.total)).toEqual([submittedTotal, submittedTotal - 5]);
  });
});

describe('regrade by snapshot id', () => {
  it('a stored corrected snapshot gives the same regrade as the same items; an unknown snapshot id -> 404', async () => {
    const meta = (await h.store.attempts.get(attemptId, true))!;
    const served = (await h.store.banks.getSnapshot(meta.bankSnapshots![first.bankId]!))!;
    const twin = snapshotOf(
      first.bankId,
      served.items.map((i) => (i.id === first.id ? { ...first, key: corrected } : i)),
    );
    const unknown = await h.call('POST', path, {
      token: admin,
      body: { bankId: first.bankId, reason: 'kunci salah', snapshotId: 'f'.repeat(64) },
    });
    expect(unknown.status).toBe(404);
    expect((await state()).result?.total).toBe(submittedTotal);
    await h.store.banks.putSnapshot(twin);
    const res = await h.call('POST', path, {
      token: admin,
      body: { bankId: first.bankId, reason: 'kunci salah', snapshotId: twin.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.regrade.corrections[0]).toMatchObject({
      toSnapshot: twin.id,
      regradeId: regradeIdOf(served.id, twin.id),
      changed: [{ itemId: first.id, fields: ['key'] }],
    });
    expect((await state()).result?.total).toBe(submittedTotal - 5);
  });
});

describe('a regrade in the auditor bundle', () => {
  it('the bundle carries the corrected twin for scoring: it verifies; without it or with a reworded option it does not', async () => {
    const body = {
      bankId: first.bankId,
      reason: 'Kunci butir TWK keliru',
      items: [correction(first, corrected)],
    };
    expect((await h.call('POST', path, { token: admin, body })).status).toBe(200);
    expect((await h.call('POST', `/api/admin/publications/${exam}`, { token: admin })).status).toBe(200);
    h.advance(31 * 24 * 3600_000);
    const { files } = await h.services.bundles.assemble(exam, 'public');
    const verify = (f: Map<string, string>) => verifyBundle({ read: (p) => f.get(p) });
    expect((await verify(files)).mismatches).toEqual([]);

    const bankPath = bundlePaths.bank(first.bankId);
    const bank = JSON.parse(files.get(bankPath)!) as BundleBank;
    expect(bank.regrade?.items.find((i) => i.id === first.id)).toMatchObject({ key: corrected });
    expect(bank.items.find((i) => i.id === first.id)).toMatchObject({ key: first.key });

    // Without the twin the verifier re-scores with the served keys: the stored (regraded) score mismatches.
    const { regrade: _drop, ...plain } = bank;
    const without = await verify(new Map(files).set(bankPath, JSON.stringify(plain)));
    expect(without.mismatches.some((m) => /score|total|TWK/i.test(m.what))).toBe(true);

    // A twin that rewords an option is named.
    const reworded = {
      ...bank,
      regrade: {
        ...bank.regrade!,
        items: bank.regrade!.items.map((i) =>
          i.id === first.id && 'options' in i
            ? { ...i, options: i.options.map((o, n) => (n === 0 ? { ...o, text: 'lain' } : o)) }
            : i,
        ),
      },
    };
    const tampered = await verify(new Map(files).set(bankPath, JSON.stringify(reworded)));
    expect(tampered.mismatches.map((m) => m.what)).toContain('regrade changes only keys and weights');
  });
});
