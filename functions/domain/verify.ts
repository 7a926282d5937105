// The offline verifier: re-derives every form, replays every log, re-scores, re-ranks and checks every seed,
// hash chain, signature, Merkle root and inclusion proof of an audit bundle. Pure: given files, returns a report.

import {
  BUNDLE_FORMAT,
  type BundleAttempt,
  type BundleBank,
  type BundleFiles,
  type BundleManifest,
  type BundleSession,
  bundlePaths as P,
} from './bundle.ts';
import { canonicalJson } from './canonical-json.ts';
import { sha256 } from './digest.ts';
import type { Exam } from './exam.ts';
import { buildForm, type PreparedBank, prepareBank } from './form.ts';
import { receiptHash } from './hashchain.ts';
import type { Item } from './items.ts';
import { fromHex, verifyInclusion } from './merkle.ts';
import type { Formation, InclusionProofDoc, PublicationDoc } from './publication.ts';
import { type PublishedRow, publishedFormation, rankRows, rowLeaf, rowTree } from './publication.ts';
import { regradeCheck, regradeIdOf } from './regrade.ts';
import { replay } from './replay.ts';
import { scoreAttempt } from './scoring.ts';
import { attemptSeed, sha256Hex, verifyCommitment } from './seed.ts';
import { keyIdOf, type PublicKeyEntry, type Signed, verifyDocument } from './signature.ts';

/** One failed check: whose (pseudonym or file), what, the value the verifier derived and the value found. */
export interface Mismatch {
  subject: string;
  what: string;
  expected: string;
  found: string;
}

export interface VerifyReport {
  counts: Record<
    'keys' | 'sessions' | 'banks' | 'attempts' | 'steps' | 'signatures' | 'rows' | 'proofs',
    number
  >;
  mismatches: Mismatch[];
  /** Set when verifying a slice: that slice's outcome. */
  part?: AttemptsOutcome;
}

/** What step 6 yields for the ranking check: one entry per verified attempt (recomputed, not as claimed). */
export interface AttemptResult {
  pseudonym: string;
  formationId: string;
  sections: Record<string, number>;
  total: number;
  passed: boolean | null;
  receipt: string;
}

/** Step 6 over a slice of the manifest's attempts (what a worker thread returns). */
export interface AttemptsOutcome {
  results: AttemptResult[];
  mismatches: Mismatch[];
  counts: Pick<VerifyReport['counts'], 'attempts' | 'steps' | 'signatures'>;
}

export interface VerifyOptions {
  /** Called after each attempt (done, total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Verify only attempts [from, to) of the manifest and nothing else (steps 1–5 load silently, 7–8 skipped);
   * the report's `part` holds the outcome. For splitting step 6 across threads.
   */
  slice?: { from: number; to: number };
  /** Step 6 done elsewhere (e.g. worker threads over slices); its outcomes are merged in manifest order. */
  delegate?: (total: number) => Promise<AttemptsOutcome[]>;
}

/** Equal as canonical JSON (primitives compared directly: this runs ten times per attempt). */
const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && canonicalJson(a) === canonicalJson(b));

const show = (v: unknown): string =>
  v === undefined ? '(missing)' : typeof v === 'string' ? v : canonicalJson(v);

/**
 * The files verifying attempts [from, to) of the manifest reads (with `slice`): the manifest, keys, sessions,
 * banks, exams and those attempts. A caller splitting the work hands each part only these.
 */
export function sliceFiles(manifest: BundleManifest, from: number, to: number): string[] {
  return [
    P.manifest,
    P.keys,
    ...(manifest.sessions ?? []).map(P.session),
    ...(manifest.banks ?? []).map(P.bank),
    ...(manifest.exams ?? []).map(P.exam),
    ...(manifest.attempts ?? []).slice(from, to).map(P.attempt),
  ];
}

/** Runs the numbered verification steps of docs/audit.md over the bundle's files. */
export async function verifyBundle(files: BundleFiles, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const counts: VerifyReport['counts'] = {
    keys: 0,
    sessions: 0,
    banks: 0,
    attempts: 0,
    steps: 0,
    signatures: 0,
    rows: 0,
    proofs: 0,
  };
  const mismatches: Mismatch[] = [];
  const fail = (subject: string, what: string, expected: unknown, found: unknown) =>
    mismatches.push({ subject, what, expected: show(expected), found: show(found) });
  const json = <T>(path: string): T | undefined => {
    const text = files.read(path);
    if (text === undefined) {
      fail(path, 'file', 'present', undefined);
      return undefined;
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      fail(path, 'JSON', 'valid JSON', (e as Error).message);
      return undefined;
    }
  };

  // 1. Manifest
  const manifest = json<BundleManifest>(P.manifest);
  if (!manifest) return { counts, mismatches };
  if (manifest.format !== BUNDLE_FORMAT) fail(P.manifest, 'format', BUNDLE_FORMAT, manifest.format);

  // 2. Public keys: key id = first 16 hex of SHA-256(raw key)
  const keys = json<PublicKeyEntry[]>(P.keys) ?? [];
  for (const k of keys) {
    counts.keys++;
    const id = /^[0-9a-f]{64}$/.test(k.publicKey) ? keyIdOf(k.publicKey) : '(not a 32-byte hex key)';
    if (id !== k.keyId) fail(P.keys, `key id of ${k.publicKey}`, id, k.keyId);
  }
  const signed = (subject: string, doc: Signed<unknown>) => {
    counts.signatures++;
    if (!verifyDocument(doc, keys))
      fail(subject, 'signature', 'valid Ed25519 signature', doc.signature?.value);
  };

  // 3. Sessions: commitment = SHA-256(secret)
  const sessions = new Map<string, BundleSession>();
  for (const id of manifest.sessions ?? []) {
    const s = json<BundleSession>(P.session(id));
    if (!s) continue;
    counts.sessions++;
    sessions.set(id, s);
    if (!verifyCommitment(s.secret, s.secretCommitment))
      fail(P.session(id), 'secret commitment', sha256Hex(s.secret), s.secretCommitment);
  }

  // 4. Banks: snapshot id = SHA-256(canonical JSON of the items sorted by id)
  //    After a regrade: the corrected twin's id likewise, its regrade id, and that it changes only keys/weights.
  const banks = new Map<string, Item[]>();
  const scoringBanks = new Map<string, Item[]>();
  const snapshotIdOfItems = (items: Item[]) =>
    sha256Hex(canonicalJson(items.slice().sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))));
  for (const id of manifest.banks ?? []) {
    const b = json<BundleBank>(P.bank(id));
    if (!b) continue;
    counts.banks++;
    banks.set(id, b.items);
    scoringBanks.set(id, b.regrade?.items ?? b.items);
    const snap = snapshotIdOfItems(b.items);
    if (snap !== b.snapshotId) fail(P.bank(id), 'bank snapshot id', snap, b.snapshotId);
    if (b.regrade) {
      const twin = snapshotIdOfItems(b.regrade.items);
      if (twin !== b.regrade.snapshotId) fail(P.bank(id), 'regrade snapshot id', twin, b.regrade.snapshotId);
      const rid = regradeIdOf(b.snapshotId, b.regrade.snapshotId);
      if (rid !== b.regrade.regradeId) fail(P.bank(id), 'regrade id', rid, b.regrade.regradeId);
      try {
        regradeCheck(
          { id: b.snapshotId, bankId: id, items: b.items },
          { id: b.regrade.snapshotId, bankId: id, items: b.regrade.items },
        );
      } catch (e) {
        fail(
          P.bank(id),
          'regrade changes only keys and weights',
          'keys and weights only',
          (e as Error).message,
        );
      }
    }
  }

  // 5. Exams, each with its banks prepared once
  const exams = new Map<string, { exam: Exam; prepared: PreparedBank; itemsById: Map<string, Item> }>();
  for (const id of manifest.exams ?? []) {
    const exam = json<Exam>(P.exam(id));
    if (!exam) continue;
    const bankIds = [...new Set(exam.sections.map((s) => s.bankId))];
    const items = bankIds.flatMap((b) => banks.get(b) ?? []);
    const scoring = bankIds.flatMap((b) => scoringBanks.get(b) ?? []);
    // Forms from the served snapshot, scores from its corrected twin when a regrade exists.
    exams.set(id, { exam, prepared: prepareBank(items), itemsById: new Map(scoring.map((i) => [i.id, i])) });
  }

  // 6. Attempts: seed, form, replay, score, receipt, signed result
  const results: AttemptResult[] = [];
  const list = manifest.attempts ?? [];
  if (opts.slice) {
    // Only this slice: drop what steps 1–5 reported (the main thread reports those once).
    mismatches.length = 0;
    counts.keys = counts.sessions = counts.banks = 0;
    for (let n = opts.slice.from; n < Math.min(opts.slice.to, list.length); n++) {
      const a = json<BundleAttempt>(P.attempt(list[n] as string));
      if (a) verifyAttempt(a);
      opts.onProgress?.(n + 1 - opts.slice.from, opts.slice.to - opts.slice.from);
    }
    const part = {
      results,
      mismatches: mismatches.slice(),
      counts: { attempts: counts.attempts, steps: counts.steps, signatures: counts.signatures },
    };
    return { counts, mismatches, part };
  }
  if (opts.delegate) {
    for (const o of await opts.delegate(list.length)) {
      results.push(...o.results);
      mismatches.push(...o.mismatches);
      counts.attempts += o.counts.attempts;
      counts.steps += o.counts.steps;
      counts.signatures += o.counts.signatures;
    }
  } else
    for (const [n, pseudonym] of list.entries()) {
      const a = json<BundleAttempt>(P.attempt(pseudonym));
      if (a) verifyAttempt(a);
      opts.onProgress?.(n + 1, list.length);
    }

  function verifyAttempt(a: BundleAttempt) {
    counts.attempts++;
    const who = a.pseudonym;
    const doc = a.result?.document;
    if (a.pseudonym !== doc?.pseudonym) fail(who, 'result pseudonym', a.pseudonym, doc?.pseudonym);
    signed(who, a.result);
    const session = sessions.get(a.sessionId);
    if (!session) return fail(who, 'session', a.sessionId, undefined);
    const seed = attemptSeed(session.secret, a.attemptId);
    if (seed !== a.seed) fail(who, 'seed = HMAC(secret, attemptId)', seed, a.seed);
    const content = exams.get(session.examId);
    if (!content) return fail(who, 'exam', session.examId, undefined);
    counts.steps += a.steps.length;
    let score: ReturnType<typeof scoreAttempt>;
    try {
      const form = buildForm(content.exam, content.prepared, seed);
      const view = replay(a.steps, a, session.graceMs);
      score = scoreAttempt(content.exam, form, content.itemsById, view.answers, a.formationType);
    } catch (e) {
      return fail(who, 'form/replay/score', 'a score', (e as Error).message);
    }
    const receipt = receiptHash(a.steps);
    const expect: Record<string, unknown> = {
      attemptId: a.attemptId,
      sessionId: a.sessionId,
      examId: content.exam.id,
      examVersion: content.exam.version,
      formationId: a.formationId,
      formationType: a.formationType,
      sections: score.sections,
      total: score.total,
      passed: score.passed,
      receipt,
    };
    for (const [k, v] of Object.entries(expect)) {
      const found = (doc as unknown as Record<string, unknown> | undefined)?.[k];
      if (found === undefined || !same(v, found))
        fail(who, k === 'receipt' ? 'receipt (hash chain of the step log)' : `result ${k}`, v, found);
    }
    results.push({
      pseudonym: who,
      formationId: a.formationId,
      sections: score.sections,
      total: score.total,
      passed: score.passed,
      receipt,
    });
  }

  // 7. Publication: signature, re-ranked rows, Merkle root
  const pub = json<Signed<PublicationDoc>>(P.publication);
  const formations = json<Formation[]>(P.formations) ?? [];
  const published = new Map<string, { row: PublishedRow; index: number }>();
  if (pub) {
    signed(P.publication, pub);
    const doc = pub.document;
    if (
      canonicalJson(doc.formations) !==
      canonicalJson(
        formations.map(publishedFormation).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
      )
    )
      fail(P.publication, 'formations', formations, doc.formations);
    for (const [index, row] of doc.rows.entries()) published.set(row.pseudonym, { row, index });
    let expected: PublishedRow[] = [];
    try {
      expected = rankRows(results, formations);
    } catch (e) {
      fail(P.publication, 'ranking', 'rankable results', (e as Error).message);
    }
    const seen = new Set<string>();
    for (const [i, row] of expected.entries()) {
      counts.rows++;
      seen.add(row.pseudonym);
      const found = doc.rows[i];
      if (canonicalJson(row) !== canonicalJson(found ?? null)) {
        const at = published.get(row.pseudonym);
        fail(row.pseudonym, at ? `published row (position ${i})` : 'published row missing', row, found);
      }
    }
    for (const row of doc.rows)
      if (!seen.has(row.pseudonym))
        fail(row.pseudonym, 'published row without a verified attempt', '(none)', row);
    const tree = rowTree(sha256, doc.rows);
    if (tree.root !== doc.merkle.root || tree.size !== doc.merkle.size)
      fail(
        P.publication,
        'Merkle root',
        `${tree.size} ${tree.root}`,
        `${doc.merkle.size} ${doc.merkle.root}`,
      );

    // 8. Inclusion proofs against the signed root
    for (const p of manifest.proofs ?? []) {
      const proof = json<InclusionProofDoc>(P.proof(p));
      if (!proof) continue;
      counts.proofs++;
      const at = published.get(p);
      if (!at || canonicalJson(at.row) !== canonicalJson(proof.row))
        fail(p, 'proof row = published row', at?.row, proof.row);
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
          'inclusion proof',
          `leaf ${at?.index ?? '?'} of ${doc.merkle.size} under ${doc.merkle.root}`,
          `leaf ${proof.index} of ${proof.size} under ${proof.root}`,
        );
    }
  }
  return { counts, mismatches };
}
