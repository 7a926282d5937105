// Verifier step 11: the final (SKB) ranking of a bundle. Its rows are re-derived with final-ranking.ts from the
// verified SKD ranking (the candidates who advance) and the signed SKB scores of skb.json, then the final
// publication is checked like the SKD one (signature, formations, rows, Merkle root, inclusion proofs).
import { type BundleManifest, type BundleSkbDoc, bundlePaths as P } from './bundle.ts';
import { canonicalJson } from './canonical-json.ts';
import { type FinalInput, rankFinal } from './final-ranking.ts';
import type { Formation, PublicationDoc, PublishedRow } from './publication.ts';
import type { Signed } from './signature.ts';
import { toMilli } from './skb.ts';
import { type CheckContext, checkPublication } from './verify-publication.ts';

/** Publication id of an exam's final ranking (the SKD ranking's id + ".final"). */
export const finalPublicationIdOf = (examId: string): string => `${examId}.final`;

/**
 * The final rows the verifier expects: every SKD row that advances (as re-derived from the verified results),
 * with its SKB score from skb.json (none -> listed unranked), ranked per formation by rankFinal under the
 * settings skb.json states. A bad SKB score, a duplicate, or one of a candidate who did not advance is named.
 */
export function expectedFinalRows(
  skdRows: readonly PublishedRow[],
  skb: BundleSkbDoc,
  formations: readonly Formation[],
  fail: CheckContext['fail'],
): { rows: PublishedRow[] | undefined; formations: Formation[] } {
  const milli = new Map<string, number>();
  for (const s of skb.scores ?? []) {
    if (milli.has(s.pseudonym)) {
      fail(s.pseudonym, 'SKB score listed once', 'one entry in skb.json', 'a second entry');
      continue;
    }
    try {
      milli.set(s.pseudonym, toMilli(s.skb, 'SKB score'));
    } catch {
      fail(s.pseudonym, 'SKB score', '0..100 with at most 3 decimals', s.skb);
    }
  }
  const inputs: FinalInput[] = [];
  for (const r of skdRows) {
    if (!r.advances) continue;
    inputs.push({
      pseudonym: r.pseudonym,
      formationId: r.formationId,
      sections: r.sections,
      total: r.total,
      receipt: r.receipt,
      skbMilli: milli.get(r.pseudonym) ?? null,
    });
    milli.delete(r.pseudonym);
  }
  for (const [p, m] of milli)
    fail(p, 'SKB score of a candidate who did not advance from SKD', '(no SKB score)', m / 1000);
  const used = new Set(inputs.map((i) => i.formationId));
  const usedFormations = formations.filter((f) => used.has(f.id));
  const f = skb.final;
  try {
    const rows = rankFinal(
      inputs,
      usedFormations,
      { skd: f.skdWeight, skb: f.skbWeight, skdMax: f.skdMax },
      f.tieBreaks,
    );
    return { rows, formations: usedFormations };
  } catch (e) {
    fail(P.skb, 'final ranking', 'SKD totals and settings rankFinal accepts', (e as Error).message);
    return { rows: undefined, formations: usedFormations };
  }
}

/**
 * Step 11 over a bundle whose manifest lists `finalProofs`: skb.json signed and of the bundle's exam, the final
 * publication signed, named `<examId>.final`, stating skb.json's settings, its rows = the re-derived ones,
 * its Merkle root and each inclusion proof. Returns the counts checked and skb.json's document.
 */
export async function verifyFinal(
  manifest: BundleManifest,
  skdRows: readonly PublishedRow[] | undefined,
  formations: readonly Formation[],
  ctx: CheckContext,
): Promise<{ skb: number; finalRows: number; finalProofs: number; doc?: BundleSkbDoc }> {
  const counts = { skb: 0, finalRows: 0, finalProofs: 0 };
  const skb = ctx.json<Signed<BundleSkbDoc>>(P.skb);
  const pub = ctx.json<Signed<PublicationDoc>>(P.finalPublication);
  if (!skb || !pub) return counts;
  ctx.signed(P.skb, skb);
  const doc = ctx.guard(P.skb, () => {
    const d = skb.document;
    counts.skb = d.scores?.length ?? 0;
    const examIds = manifest.exams ?? [];
    if (examIds.length !== 1 || d.examId !== examIds[0])
      ctx.fail(P.skb, 'SKB scores of the bundle exam', examIds.join(', '), d.examId);
    return d;
  });
  if (!doc) return counts;
  const pubDoc = pub.document;
  const pubId = finalPublicationIdOf(doc.examId);
  if (pubDoc?.publicationId !== pubId)
    ctx.fail(P.finalPublication, 'publication id', pubId, pubDoc?.publicationId);
  if (canonicalJson(pubDoc?.final ?? null) !== canonicalJson(doc.final ?? null))
    ctx.fail(P.finalPublication, 'final settings = the exam settings in skb.json', doc.final, pubDoc?.final);
  const expected = (skdRows &&
    ctx.guard(P.skb, () => expectedFinalRows(skdRows, doc, formations, ctx.fail))) ?? {
    rows: undefined,
    formations: [],
  };
  const checked = await ctx.guardAsync(P.finalPublication, () =>
    checkPublication(
      {
        path: P.finalPublication,
        pub,
        expected: expected.rows,
        formations: expected.formations,
        rowLabel: 'final row',
        strayWhat: 'final row without an advancing SKD result',
        proofWhat: 'final inclusion proof',
        proofs: manifest.finalProofs ?? [],
        proofPath: P.finalProof,
      },
      ctx,
    ),
  );
  counts.finalRows = checked?.rows ?? 0;
  counts.finalProofs = checked?.proofs ?? 0;
  return { ...counts, doc };
}
