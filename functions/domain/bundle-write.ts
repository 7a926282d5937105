// Writes an audit bundle: the files of seleksi-audit-bundle/1 from its parts (services and test fixtures share it).
import {
  BUNDLE_FORMAT,
  type BundleAppeal,
  type BundleAttempt,
  type BundleAuditDay,
  type BundleBank,
  type BundleManifest,
  type BundleSession,
  type BundleSkbDoc,
  bundlePaths as P,
} from './bundle.ts';
import type { Exam } from './exam.ts';
import type { Item } from './items.ts';
import type { Formation, InclusionProofDoc, PublicationDoc } from './publication.ts';
import type { PublicKeyEntry, Signed } from './signature.ts';
import { snapshotIdOf } from './snapshot.ts';

/** SHA-256 hex of UTF-8(canonicalJson(items sorted by id)). */
/** The bank snapshot id (domain/snapshot.ts): the one the store names the snapshot by. */
export const bankSnapshotId = (items: readonly Item[]): string => snapshotIdOf(items);

export interface BundleParts {
  kind: BundleManifest['kind'];
  createdAt: number;
  keys: PublicKeyEntry[];
  formations: Formation[];
  exams: Exam[];
  /** `regrade`: the corrected items scoring uses (a regrade of this snapshot), with the regrade's id. */
  banks: Array<{ bankId: string; items: Item[]; regrade?: { regradeId: string; items: Item[] } }>;
  sessions: BundleSession[];
  attempts: BundleAttempt[];
  publication?: Signed<PublicationDoc>;
  proofs: InclusionProofDoc[];
  /**
   * The exam's final (SKB) ranking as published, its inclusion proofs and the signed SKB scores it was ranked
   * from (pseudonyms and SKB totals only).
   */
  final?: { skb: Signed<BundleSkbDoc>; publication: Signed<PublicationDoc>; proofs: InclusionProofDoc[] };
  /** Personal bundles only: whole days of the admin audit log (dropped from a public bundle). */
  auditLog?: BundleAuditDay[];
  /** Personal bundles only: the appeals against the bundle's attempts (they carry the candidate's text). */
  appeals?: BundleAppeal[];
}

/**
 * path -> JSON text. A public bundle drops regNo and psych from every attempt and the audit log (its targets
 * name candidates), whatever the input says.
 */
export function bundleFiles(parts: BundleParts): Map<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, value: unknown) => files.set(path, JSON.stringify(value));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    kind: parts.kind,
    createdAt: parts.createdAt,
    exams: parts.exams.map((e) => e.id),
    banks: parts.banks.map((b) => b.bankId),
    sessions: parts.sessions.map((s) => s.sessionId),
    attempts: parts.attempts.map((a) => a.pseudonym),
    proofs: parts.proofs.map((p) => p.row.pseudonym),
  };
  const auditLog = parts.kind === 'personal' ? (parts.auditLog ?? []) : [];
  if (auditLog.length > 0) manifest.auditDays = auditLog.map((d) => d.day);
  if (parts.final) manifest.finalProofs = parts.final.proofs.map((p) => p.row.pseudonym);
  put(P.manifest, manifest);
  put(P.keys, parts.keys);
  put(P.formations, parts.formations);
  for (const e of parts.exams) put(P.exam(e.id), e);
  for (const b of parts.banks) {
    const bank: BundleBank = { bankId: b.bankId, snapshotId: bankSnapshotId(b.items), items: b.items };
    if (b.regrade)
      bank.regrade = {
        regradeId: b.regrade.regradeId,
        snapshotId: bankSnapshotId(b.regrade.items),
        items: b.regrade.items,
      };
    put(P.bank(b.bankId), bank);
  }
  for (const s of parts.sessions) put(P.session(s.sessionId), s);
  for (const a of parts.attempts) {
    if (parts.kind === 'public') {
      const { regNo: _drop, psych: _never, ...anon } = a;
      put(P.attempt(a.pseudonym), anon);
    } else put(P.attempt(a.pseudonym), a);
  }
  for (const d of auditLog) put(P.auditDay(d.day), d.entries);
  if (parts.kind === 'personal' && parts.appeals) put(P.appeals, parts.appeals);
  if (parts.publication) put(P.publication, parts.publication);
  for (const p of parts.proofs) put(P.proof(p.row.pseudonym), p);
  if (parts.final) {
    put(P.skb, parts.final.skb);
    put(P.finalPublication, parts.final.publication);
    for (const p of parts.final.proofs) put(P.finalProof(p.row.pseudonym), p);
  }
  return files;
}
