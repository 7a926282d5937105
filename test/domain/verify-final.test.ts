import { describe, expect, it } from 'vitest';
import { nextAuditEntry } from '../../functions/domain/audit-log.ts';
import type { BundleSkbDoc } from '../../functions/domain/bundle.ts';
import type { PublicationDoc } from '../../functions/domain/publication.ts';
import { type Signed, signDocument } from '../../functions/domain/signature.ts';
import { verifyBundle } from '../../functions/domain/verify.ts';
import { expectedFinalRows } from '../../functions/domain/verify-final.ts';
import { syntheticBank, tinyExam } from '../domain/fixtures.ts';
import { newKeyPem, syntheticBundle } from '../fixtures/audit-bundle.ts';

const exam = tinyExam({
  passingGrades: [{ formationType: 'umum', label: 'Umum', sections: { TWK: 5 }, total: 5 }],
});
const bank = syntheticBank('b', { TWK: 6, TKP: 4 });
const formations = [
  { id: 'F-A', formationType: 'umum', openings: 1 },
  { id: 'F-B', formationType: 'umum', openings: 2 },
];
const plain = syntheticBundle({ exam, bank, candidates: 16, formations });
const regNoOf = new Map(plain.attempts.map((a) => [a.pseudonym, a.regNo]));
const advancing = plain.rows.filter((r) => r.advances).map((r) => regNoOf.get(r.pseudonym));
/** Every advancing candidate but the last one has an SKB score (60..100, thousandths by registration number). */
const score = (regNo: string) =>
  regNo === advancing.at(-1) ? null : 60 + ((Number(regNo.slice(-2)) * 7123) % 40_000) / 1000;
const built = syntheticBundle({ exam, bank, candidates: 16, formations, skb: { score } });
const final = built.final;
if (!final) throw new Error('no final ranking built');
const finalRows = final.publication.document.rows;
const ranked = finalRows.filter((r) => r.rank !== null);
if (ranked.length < 4) throw new Error(`only ${ranked.length} ranked final rows: pick other scores`);

const run = (files: Map<string, string>) => verifyBundle({ read: (p) => files.get(p) });
// biome-ignore lint/suspicious/noExplicitAny: a tamper test edits arbitrary parsed JSON
const edit = (path: string, change: (v: any) => void, files = built.files) => {
  const out = new Map(files);
  const v = JSON.parse(out.get(path) as string);
  change(v);
  out.set(path, JSON.stringify(v));
  return out;
};
const named = (r: Awaited<ReturnType<typeof run>>, subject: string, what: string) =>
  r.mismatches.some((m) => m.subject === subject && m.what.startsWith(what));

describe('final (SKB) ranking in a bundle', () => {
  it('a faithful bundle verifies: SKB scores, every final row re-derived, root and proofs', async () => {
    const r = await run(built.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts).toMatchObject({
      skb: final.skb.document.scores.length,
      finalRows: finalRows.length,
      finalProofs: finalRows.length,
    });
    // rows + skb.json + final publication signed
    expect(r.counts.signatures).toBe(16 + 1 + 2);
    expect(finalRows.some((r) => r.skb === null)).toBe(true);
  });

  it('an SKB score edited in skb.json names the row: skb and final expected vs found', async () => {
    const target = ranked[0]!;
    const r = await run(
      edit('skb.json', (d: Signed<BundleSkbDoc>) => {
        const s = d.document.scores.find((x) => x.pseudonym === target.pseudonym)!;
        s.skb = s.skb <= 99 ? Math.round(s.skb * 1000 + 1000) / 1000 : s.skb - 1;
      }),
    );
    expect(named(r, 'skb.json', 'signature')).toBe(true);
    const m = r.mismatches.find((x) => x.subject === target.pseudonym);
    expect(m?.what, JSON.stringify(r.mismatches)).toBe(
      `final row (position ${finalRows.indexOf(target)}): final, skb`,
    );
  });

  it('an SKB score edited in the published final row: signature, the row (skb, final) and the Merkle root', async () => {
    const i = finalRows.indexOf(ranked[1]!);
    const r = await run(
      edit('final-publication.json', (d: Signed<PublicationDoc>) => {
        const row = d.document.rows[i]!;
        row.skb = (row.skb as number) === 100 ? 99 : 100;
      }),
    );
    expect(named(r, 'final-publication.json', 'signature')).toBe(true);
    expect(named(r, 'final-publication.json', 'Merkle root')).toBe(true);
    const m = r.mismatches.find((x) => x.subject === ranked[1]!.pseudonym && x.what.startsWith('final row'));
    expect(m?.what).toBe(`final row (position ${i}): skb`);
    expect(m?.expected).toBe(JSON.stringify({ skb: ranked[1]!.skb }));
  });

  it('final rows reordered (re-signed with a known key, root recomputed): each moved position is named', async () => {
    const pem = newKeyPem();
    const [a, b] = [finalRows.indexOf(ranked[0]!), finalRows.indexOf(ranked[1]!)];
    const files = edit('final-publication.json', (d: Signed<PublicationDoc>) => {
      const rows = d.document.rows;
      [rows[a], rows[b]] = [rows[b]!, rows[a]!];
      const resigned = signDocument(d.document, pem);
      d.signature = resigned.signature;
    });
    const r = await run(files);
    expect(named(r, ranked[0]!.pseudonym, `final row (position ${a})`)).toBe(true);
    expect(named(r, ranked[1]!.pseudonym, `final row (position ${b})`)).toBe(true);
    // not a key of keys.json, and the proofs no longer match the rows
    expect(named(r, 'final-publication.json', 'signature')).toBe(true);
  });

  it('a forged final publication signature is named', async () => {
    const r = await run(
      edit('final-publication.json', (d: Signed<PublicationDoc>) => {
        const v = d.signature.value;
        d.signature.value = (v[0] === 'A' ? 'B' : 'A') + v.slice(1);
      }),
    );
    expect(r.mismatches).toEqual([
      expect.objectContaining({ subject: 'final-publication.json', what: 'signature' }),
    ]);
  });

  it('an altered final inclusion proof is named, the SKD proofs untouched', async () => {
    const p = finalRows[0]!.pseudonym;
    const r = await run(
      edit(`final-proofs/${p}.json`, (d: { index: number }) => {
        d.index += 1;
      }),
    );
    expect(r.mismatches.map((m) => [m.subject, m.what])).toEqual([[p, 'final inclusion proof']]);
  });

  it('final settings that differ from the exam settings in skb.json are named', async () => {
    const r = await run(
      edit('final-publication.json', (d: Signed<PublicationDoc>) => {
        if (d.document.final) d.document.final.tieBreaks = ['TKP', 'total', 'TIU', 'TWK'];
      }),
    );
    expect(named(r, 'final-publication.json', 'final settings = the exam settings in skb.json')).toBe(true);
  });

  it('an SKB score of a candidate who did not advance, and a missing final file, are named', async () => {
    const out = built.rows.find((r) => !r.advances);
    if (!out) throw new Error('everyone advanced');
    const extra = await run(
      edit('skb.json', (d: Signed<BundleSkbDoc>) => {
        d.document.scores.push({ pseudonym: out.pseudonym, skb: 70 });
      }),
    );
    expect(named(extra, out.pseudonym, 'SKB score of a candidate who did not advance')).toBe(true);
    const files = new Map(built.files);
    files.delete('final-publication.json');
    expect(named(await run(files), 'final-publication.json', 'file')).toBe(true);
  });

  it('expectedFinalRows names a bad SKB score and ranks the rest', () => {
    const fails: string[] = [];
    const doc = final.skb.document;
    const bad = { ...doc, scores: [{ ...doc.scores[0]!, skb: 100.0001 }, ...doc.scores.slice(1)] };
    const { rows } = expectedFinalRows(built.rows, bad, formations, (s, w) => fails.push(`${s} ${w}`));
    expect(fails).toEqual([`${doc.scores[0]!.pseudonym} SKB score`]);
    expect(rows?.find((r) => r.pseudonym === doc.scores[0]!.pseudonym)?.skb).toBeNull();
  });

  it('personal bundle: the SKB import skb.json names must have its skb.import audit entry', async () => {
    const day = '2027-02-01';
    const logOf = (importId: string) => [
      {
        day,
        entries: [
          nextAuditEntry(undefined, {
            id: 'op-skb',
            at: Date.parse(`${day}T03:00:00Z`),
            actor: { role: 'admin', id: 'admin-1' },
            action: 'skb.import',
            target: `exam:${exam.id}`,
            details: { importId, rows: 5, mode: 'components' },
          }),
        ],
      },
    ];
    const personal = (importId: string) =>
      syntheticBundle({
        exam,
        bank,
        candidates: 16,
        formations,
        skb: { score },
        kind: 'personal',
        auditLog: logOf(importId),
      }).files;
    expect((await run(personal('syn-import-1'))).mismatches).toEqual([]);
    expect((await run(personal('other-import'))).mismatches).toEqual([
      {
        subject: 'skb.json',
        what: 'SKB import in the audit log',
        expected: `skb.import exam:${exam.id} importId syn-import-1`,
        found: '(none)',
      },
    ]);
  });
});
