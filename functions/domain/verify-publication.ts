// Verifier checks of one signed publication (the SKD ranking or the final one): signature, formations, rows
// against the rows the verifier derived (position by position), Merkle root, every inclusion proof.
import { canonicalJson } from './canonical-json.ts';
import { sha256 } from './digest.ts';
import { fromHex, verifyInclusion } from './merkle.ts';
import {
  type Formation,
  type InclusionProofDoc,
  type PublicationDoc,
  type PublishedRow,
  publishedFormation,
  rowLeaf,
  rowTree,
} from './publication.ts';
import type { Signed } from './signature.ts';
import type { BundleReader } from './verify-read.ts';

/** What the verifier reports through: a mismatch, a signature to check; and how it reads files (verify-read.ts). */
export interface CheckContext extends BundleReader {
  fail(subject: string, what: string, expected: unknown, found: unknown): void;
  signed(subject: string, doc: Signed<unknown>): void;
}

export interface PublicationCheck {
  /** The publication's file, e.g. publication.json (the subject of document-wide mismatches). */
  path: string;
  pub: Signed<PublicationDoc>;
  /** The rows the verifier derived, in publication order; undefined when they could not be derived. */
  expected: PublishedRow[] | undefined;
  /** The formations the publication must state (published shape, any order). */
  formations: Formation[];
  /** How a row is named in a mismatch: "published row" (SKD) or "final row". */
  rowLabel: string;
  /** What a published row without a derived one is. */
  strayWhat: string;
  /** What a failed inclusion proof is: "inclusion proof" (SKD) or "final inclusion proof". */
  proofWhat: string;
  /** Pseudonyms with a proof file, and where each proof is. */
  proofs: string[];
  proofPath: (pseudonym: string) => string;
}

const byId = (a: Formation, b: Formation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The members in which a published row differs from the derived one. Rows of different candidates (or a
 * missing one) differ as a whole: fields is empty and both rows are returned whole.
 */
export function rowDiff(
  expected: PublishedRow,
  found: PublishedRow | undefined,
): { fields: string[]; expected: unknown; found: unknown } {
  if (!found || found.pseudonym !== expected.pseudonym) return { fields: [], expected, found };
  const e = expected as unknown as Record<string, unknown>;
  const f = found as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(e), ...Object.keys(f)])]
    .sort()
    .filter((k) => k in e !== k in f || canonicalJson(e[k] ?? null) !== canonicalJson(f[k] ?? null));
  const pick = (r: Record<string, unknown>) =>
    Object.fromEntries(fields.map((k) => [k, k in r ? r[k] : '(missing)']));
  return { fields, expected: pick(e), found: pick(f) };
}

/**
 * Checks one publication; returns how many derived rows and proofs were checked. Rows are compared position by
 * position (a moved row is named at each position it should hold), so a reordering shows where it starts.
 */
export async function checkPublication(
  c: PublicationCheck,
  ctx: CheckContext,
): Promise<{ rows: number; proofs: number }> {
  const { fail } = ctx;
  ctx.signed(c.path, c.pub);
  const doc = c.pub.document;
  const formations = c.formations.map(publishedFormation).sort(byId);
  if (canonicalJson(doc.formations) !== canonicalJson(formations))
    fail(c.path, 'formations', formations, doc.formations);
  const published = new Map<string, { row: PublishedRow; index: number }>();
  for (const [index, row] of doc.rows.entries()) published.set(row.pseudonym, { row, index });
  let rows = 0;
  if (c.expected) {
    const seen = new Set<string>();
    for (const [i, row] of c.expected.entries()) {
      rows++;
      seen.add(row.pseudonym);
      const found = doc.rows[i];
      if (canonicalJson(row) === canonicalJson(found ?? null)) continue;
      if (!published.has(row.pseudonym)) {
        fail(row.pseudonym, `${c.rowLabel} missing`, row, found);
        continue;
      }
      const d = rowDiff(row, found);
      const fields = d.fields.length ? `: ${d.fields.join(', ')}` : '';
      fail(row.pseudonym, `${c.rowLabel} (position ${i})${fields}`, d.expected, d.found);
    }
    for (const row of doc.rows) if (!seen.has(row.pseudonym)) fail(row.pseudonym, c.strayWhat, '(none)', row);
  }
  const tree = rowTree(sha256, doc.rows);
  if (tree.root !== doc.merkle.root || tree.size !== doc.merkle.size)
    fail(c.path, 'Merkle root', `${tree.size} ${tree.root}`, `${doc.merkle.size} ${doc.merkle.root}`);

  let proofs = 0;
  for (const p of c.proofs) {
    const proof = ctx.json<InclusionProofDoc>(c.proofPath(p));
    if (!proof) continue;
    proofs++;
    await ctx.guardAsync(c.proofPath(p), () => checkProof(c, ctx, doc, published.get(p), p, proof));
  }
  return { rows, proofs };
}

/** One inclusion proof: its row is the published one, and its path leads from that row's leaf to the root. */
async function checkProof(
  c: PublicationCheck,
  ctx: CheckContext,
  doc: PublicationDoc,
  at: { row: PublishedRow; index: number } | undefined,
  p: string,
  proof: InclusionProofDoc,
): Promise<void> {
  const { fail } = ctx;
  if (!at || canonicalJson(at.row) !== canonicalJson(proof.row))
    fail(p, `proof row = ${c.rowLabel}`, at?.row, proof.row);
  let ok = false;
  try {
    ok =
      proof.root === doc.merkle.root &&
      proof.size === doc.merkle.size &&
      (await verifyInclusion(
        sha256,
        rowLeaf(sha256, proof.row),
        proof.index,
        proof.size,
        proof.path.map(fromHex),
        fromHex(doc.merkle.root),
      ));
  } catch {
    ok = false;
  }
  if (!ok)
    fail(
      p,
      c.proofWhat,
      `leaf ${at?.index ?? '?'} of ${doc.merkle.size} under ${doc.merkle.root}`,
      `leaf ${proof.index} of ${proof.size} under ${proof.root}`,
    );
}
