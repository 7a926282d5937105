// Published rankings: anonymized rows per formation (ranked), the Merkle tree over them and inclusion proofs.
import { canonicalJson } from './canonical-json.ts';
import {
  inclusionProof,
  leafHash,
  merkleLevels,
  merkleRoot,
  type SyncHashFn,
  toHex,
  utf8,
} from './merkle.ts';
import { byId, type FormationRankInput, type Ranked, rankPerFormation, skdKeys } from './ranking.ts';

/** What a publication states of a formation (a subset of registry.ts's Formation): id, type, openings. */
export interface Formation {
  id: string;
  formationType: string;
  openings: number;
}

/** The published subset of a formation record, in a fixed shape. */
export const publishedFormation = (f: Formation): Formation => ({
  id: f.id,
  formationType: f.formationType,
  openings: f.openings,
});

/** What ranking needs of one result (no personal data: the pseudonym stands for the candidate). */
export interface RankableResult {
  pseudonym: string;
  formationId: string;
  sections: Record<string, number>;
  total: number;
  passed: boolean | null;
  receipt: string;
}

/** One published row. Never a name, registration number or birth date. */
export interface PublishedRow {
  pseudonym: string;
  formationId: string;
  sections: Record<string, number>;
  total: number;
  passed: boolean;
  /** null for candidates who did not pass (listed after, unranked). */
  rank: number | null;
  advances: boolean;
  /** The attempt's receipt: hash chain over its step log up to the submit. */
  receipt: string;
  /** Final rankings only: the SKB score and the final score (3 decimals); null without an SKB score. */
  skb?: number | null;
  final?: number | null;
}

export const PUBLICATION_FORMAT = 'seleksi-publication/1';

/** The signed publication document. Rows are in publication order = Merkle leaf order. */
export interface PublicationDoc {
  format: typeof PUBLICATION_FORMAT;
  publicationId: string;
  version: number;
  publishedAt: number;
  title: string;
  formations: Formation[];
  rows: PublishedRow[];
  merkle: { size: number; root: string };
  /** Final (SKD + SKB) rankings only: the weights and order the rows were ranked by. */
  final?: FinalSettingsDoc;
}

/** The settings of a final ranking, stated in its publication (never a component score or psych detail). */
export interface FinalSettingsDoc {
  skdWeight: number;
  skbWeight: number;
  skdMax: number;
  /** Sort keys after `final`, e.g. ["total", "TKP", "TIU", "TWK"]. */
  tieBreaks: string[];
}

export interface InclusionProofDoc {
  publicationId: string;
  version: number;
  index: number;
  size: number;
  root: string;
  row: PublishedRow;
  /** Audit path, bottom-up, lowercase hex. */
  path: string[];
}

/** A ranked candidate as a published row: their SKD result under their pseudonym, rank and advance. */
export const publishedRow = ({
  row,
  rank,
  advances,
}: Ranked<
  FormationRankInput & { r: Pick<RankableResult, 'pseudonym' | 'sections' | 'total' | 'receipt'> }
>): PublishedRow => ({
  pseudonym: row.r.pseudonym,
  formationId: row.formationId,
  sections: { ...row.r.sections },
  total: row.r.total,
  passed: row.passed,
  rank,
  advances,
  receipt: row.r.receipt,
});

/**
 * Rows of a publication: formations in id order (code units); within each, rankFormation() over the SKD keys
 * (passed null counts as not passing). A result of a formation not in `formations` -> VALIDATION.
 */
export function rankRows(
  results: readonly RankableResult[],
  formations: readonly Formation[],
): PublishedRow[] {
  const inputs = results.map((r) => ({
    id: r.pseudonym,
    formationId: r.formationId,
    passed: r.passed === true,
    keys: skdKeys(r.sections, r.total),
    r,
  }));
  return rankPerFormation(inputs, formations).map(publishedRow);
}

/** Merkle leaf of a row: SHA-256(0x00 ‖ UTF-8(canonicalJson(row))). */
export const rowLeaf = (hash: SyncHashFn, row: PublishedRow): Uint8Array =>
  leafHash(hash, utf8(canonicalJson(row)));

/** The tree over rows in order: levels (for proofs) and the root. */
export function rowTree(hash: SyncHashFn, rows: readonly PublishedRow[]) {
  const leaves = rows.map((r) => rowLeaf(hash, r));
  return { levels: merkleLevels(hash, leaves), root: toHex(merkleRoot(hash, leaves)), size: leaves.length };
}

/** The publication document (unsigned) with its Merkle root, and one inclusion proof per row. */
export function buildPublication(
  hash: SyncHashFn,
  head: Pick<PublicationDoc, 'publicationId' | 'version' | 'publishedAt' | 'title' | 'final'>,
  formations: readonly Formation[],
  rows: readonly PublishedRow[],
): { doc: PublicationDoc; proofs: InclusionProofDoc[] } {
  const tree = rowTree(hash, rows);
  const doc: PublicationDoc = {
    format: PUBLICATION_FORMAT,
    ...head,
    formations: formations.map(publishedFormation).sort(byId),
    rows: rows.slice(),
    merkle: { size: tree.size, root: tree.root },
  };
  const proofs = rows.map((row, index) => ({
    publicationId: head.publicationId,
    version: head.version,
    index,
    size: tree.size,
    root: tree.root,
    row,
    path: inclusionProof(tree.levels, index).map(toHex),
  }));
  return { doc, proofs };
}

/** The inclusion proof of every row of a publication document (its tree built once). */
export function publicationProofs(hash: SyncHashFn, doc: PublicationDoc): InclusionProofDoc[] {
  const { levels } = rowTree(hash, doc.rows);
  return doc.rows.map((row, index) => ({
    publicationId: doc.publicationId,
    version: doc.version,
    index,
    size: doc.merkle.size,
    root: doc.merkle.root,
    row,
    path: inclusionProof(levels, index).map(toHex),
  }));
}
