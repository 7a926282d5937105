// The offline verifier: re-derives every form, replays every log, re-scores, re-ranks and checks every seed,
// hash chain, signature, Merkle root and inclusion proof of an audit bundle. Pure: given files, returns a report.

import { type AuditEntry, verifyAuditChain } from './audit-log.ts';
import {
  BUNDLE_FORMAT,
  type BundleAppeal,
  type BundleAttempt,
  type BundleBank,
  type BundleFiles,
  type BundleManifest,
  type BundleSession,
  type BundleSkbDoc,
  bundlePaths as P,
} from './bundle.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Exam } from './exam.ts';
import { buildForm, type PreparedBank, prepareBank } from './form.ts';
import { receiptHash } from './hashchain.ts';
import type { Item } from './items.ts';
import { scorePsych } from './psych/attempt.ts';
import type { Formation, PublicationDoc, PublishedRow, RankableResult } from './publication.ts';
import { rankRows } from './publication.ts';
import { regradeCheck, regradeIdOf } from './regrade.ts';
import { replay } from './replay.ts';
import { scoreAttempt } from './scoring.ts';
import { attemptSeed, sha256Hex, verifyCommitment } from './seed.ts';
import { keyIdOf, type PublicKeyEntry, type Signed, verifyDocument } from './signature.ts';
import { verifyFinal } from './verify-final.ts';
import { type CheckContext, checkPublication } from './verify-publication.ts';
import { bundleReader } from './verify-read.ts';

/** One failed check: whose (pseudonym or file), what, the value the verifier derived and the value found. */
export interface Mismatch {
  subject: string;
  what: string;
  expected: string;
  found: string;
}

export interface VerifyReport {
  counts: Record<
    | 'keys'
    | 'sessions'
    | 'banks'
    | 'attempts'
    | 'steps'
    | 'signatures'
    | 'rows'
    | 'proofs'
    | 'previous'
    | 'previousUnchecked'
    | 'psych'
    | 'audit'
    | 'appeals'
    | 'skb'
    | 'finalRows'
    | 'finalProofs'
    | 'corrections',
    number
  >;
  mismatches: Mismatch[];
  /** Set when verifying a slice: that slice's outcome. */
  part?: AttemptsOutcome;
}

/** Step 6 over a slice of the manifest's attempts (what a worker thread returns). */
export interface AttemptsOutcome {
  /** Step 6's input to the ranking check: one per verified attempt (recomputed, not as claimed). */
  results: RankableResult[];
  /** Regrade ids the slice's `previous` records name (each once, with the first pseudonym naming it). */
  earlier?: Array<[string, string]>;
  mismatches: Mismatch[];
  counts: Pick<
    VerifyReport['counts'],
    'attempts' | 'steps' | 'signatures' | 'previous' | 'previousUnchecked' | 'psych'
  >;
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
    previous: 0,
    previousUnchecked: 0,
    psych: 0,
    audit: 0,
    appeals: 0,
    skb: 0,
    finalRows: 0,
    finalProofs: 0,
    corrections: 0,
  };
  const mismatches: Mismatch[] = [];
  const fail = (subject: string, what: string, expected: unknown, found: unknown) =>
    mismatches.push({ subject, what, expected: show(expected), found: show(found) });
  const reader = bundleReader(files, fail);
  const { json, guard, guardAsync } = reader;

  // 1. Manifest
  const manifest = json<BundleManifest>(P.manifest);
  if (!manifest) return { counts, mismatches };
  if (manifest.format !== BUNDLE_FORMAT) fail(P.manifest, 'format', BUNDLE_FORMAT, manifest.format);
  const lists = ['exams', 'banks', 'sessions', 'attempts', 'proofs', 'auditDays', 'finalProofs'] as const;
  const badLists = lists.filter((k) => {
    const v: unknown = manifest[k];
    return v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'));
  });
  for (const k of badLists) fail(P.manifest, `${k}: a list of names`, 'an array of strings', manifest[k]);
  if (badLists.length) return { counts, mismatches };

  // 2. Public keys: key id = first 16 hex of SHA-256(raw key)
  const keys = (json<PublicKeyEntry[]>(P.keys, 'array') ?? []).filter((k) => {
    const ok = typeof k?.publicKey === 'string' && typeof k.keyId === 'string';
    if (!ok) fail(P.keys, 'key entry', '{keyId, publicKey} strings', k);
    return ok;
  });
  for (const k of keys) {
    counts.keys++;
    const id = /^[0-9a-f]{64}$/.test(k.publicKey) ? keyIdOf(k.publicKey) : '(not a 32-byte hex key)';
    if (id !== k.keyId) fail(P.keys, `key id of ${k.publicKey}`, id, k.keyId);
  }
  const signed = (subject: string, doc: Signed<unknown>) => {
    counts.signatures++;
    if (typeof doc !== 'object' || doc === null || typeof doc.signature !== 'object')
      return fail(subject, 'signature', 'a signed document', doc);
    if (!verifyDocument(doc, keys))
      fail(subject, 'signature', 'valid Ed25519 signature', doc.signature?.value);
  };
  const context: CheckContext = { ...reader, fail, signed };

  // 3. Sessions: commitment = SHA-256(secret)
  const sessions = new Map<string, BundleSession>();
  for (const id of manifest.sessions ?? []) {
    const s = json<BundleSession>(P.session(id));
    if (!s) continue;
    counts.sessions++;
    guard(P.session(id), () => {
      if (!verifyCommitment(s.secret, s.secretCommitment))
        fail(P.session(id), 'secret commitment', sha256Hex(s.secret), s.secretCommitment);
      sessions.set(id, s);
    });
  }

  // 4. Banks: snapshot id = SHA-256(canonical JSON of the items sorted by id)
  //    After a regrade: the corrected twin's id likewise, its regrade id, and that it changes only keys/weights.
  const banks = new Map<string, Item[]>();
  const scoringBanks = new Map<string, Item[]>();
  const regradeIdsOf = new Map<string, string[]>();
  /** The corrections scoring applies (one per bank with a `regrade`), for step 12. */
  const applied: Array<{ bankId: string; from: string; to: string; regradeId: string }> = [];
  const snapshotIdOfItems = (items: Item[]) =>
    sha256Hex(canonicalJson(items.slice().sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))));
  for (const id of manifest.banks ?? []) {
    const b = json<BundleBank>(P.bank(id));
    if (!b) continue;
    counts.banks++;
    guard(P.bank(id), () => {
      const snap = snapshotIdOfItems(b.items);
      banks.set(id, b.items);
      scoringBanks.set(id, b.regrade?.items ?? b.items);
      if (b.regrade) {
        regradeIdsOf.set(id, [b.regrade.regradeId]);
        applied.push({
          bankId: id,
          from: b.snapshotId,
          to: b.regrade.snapshotId,
          regradeId: b.regrade.regradeId,
        });
      }
      if (snap !== b.snapshotId) fail(P.bank(id), 'bank snapshot id', snap, b.snapshotId);
      if (b.regrade) {
        const twin = snapshotIdOfItems(b.regrade.items);
        if (twin !== b.regrade.snapshotId)
          fail(P.bank(id), 'regrade snapshot id', twin, b.regrade.snapshotId);
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
    });
  }

  // 5. Exams, each with its banks prepared once
  const exams = new Map<
    string,
    {
      exam: Exam;
      prepared: PreparedBank;
      itemsById: Map<string, Item>;
      servedById: Map<string, Item>;
      regradeIds: string[];
    }
  >();
  for (const id of manifest.exams ?? []) {
    const exam = json<Exam>(P.exam(id));
    if (exam) guard(P.exam(id), () => addExam(id, exam));
  }
  function addExam(id: string, exam: Exam) {
    const bankIds = [...new Set(exam.sections.map((s) => s.bankId))];
    const items = bankIds.flatMap((b) => banks.get(b) ?? []);
    const scoring = bankIds.flatMap((b) => scoringBanks.get(b) ?? []);
    // Forms from the served snapshot, scores from its corrected twin when a regrade exists.
    exams.set(id, {
      exam,
      prepared: prepareBank(items),
      itemsById: new Map(scoring.map((i) => [i.id, i])),
      servedById: new Map(items.map((i) => [i.id, i])),
      regradeIds: bankIds.flatMap((b) => regradeIdsOf.get(b) ?? []).sort(),
    });
  }

  // 6. Attempts: seed, form, replay, score, receipt, signed result
  const results: RankableResult[] = [];
  /** Regrade id -> first pseudonym whose `previous` record names it (step 12 looks for its audit entry). */
  const earlier = new Map<string, string>();
  const list = manifest.attempts ?? [];
  if (opts.slice) {
    // Only this slice: drop what steps 1–5 reported (the main thread reports those once).
    mismatches.length = 0;
    counts.keys = counts.sessions = counts.banks = 0;
    for (let n = opts.slice.from; n < Math.min(opts.slice.to, list.length); n++) {
      attemptAt(list[n] as string);
      opts.onProgress?.(n + 1 - opts.slice.from, opts.slice.to - opts.slice.from);
    }
    const part = {
      results,
      earlier: [...earlier],
      mismatches: mismatches.slice(),
      counts: {
        attempts: counts.attempts,
        steps: counts.steps,
        signatures: counts.signatures,
        previous: counts.previous,
        previousUnchecked: counts.previousUnchecked,
        psych: counts.psych,
      },
    };
    return { counts, mismatches, part };
  }
  if (opts.delegate) {
    for (const o of await opts.delegate(list.length)) {
      results.push(...o.results);
      for (const [id, who] of o.earlier ?? []) if (!earlier.has(id)) earlier.set(id, who);
      mismatches.push(...o.mismatches);
      counts.attempts += o.counts.attempts;
      counts.steps += o.counts.steps;
      counts.signatures += o.counts.signatures;
      counts.previous += o.counts.previous;
      counts.previousUnchecked += o.counts.previousUnchecked;
      counts.psych += o.counts.psych;
    }
  } else
    for (const [n, pseudonym] of list.entries()) {
      attemptAt(pseudonym);
      opts.onProgress?.(n + 1, list.length);
    }

  /** One attempt file: named by its pseudonym, then verifyAttempt (a file of the wrong shape is named). */
  function attemptAt(name: string) {
    const path = P.attempt(name);
    const a = json<BundleAttempt>(path);
    if (!a) return;
    if (a.pseudonym !== name) fail(path, 'pseudonym = file name', name, a.pseudonym);
    if (typeof a.pseudonym === 'string') guard(path, () => verifyAttempt(a));
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
    let form: ReturnType<typeof buildForm>;
    let view: ReturnType<typeof replay>;
    try {
      form = buildForm(content.exam, content.prepared, seed);
      view = replay(a.steps, a, session.graceMs);
      score = scoreAttempt(content.exam, form, content.itemsById, view.answers, a.formationType);
    } catch (e) {
      return fail(who, 'form/replay/score', 'a score', (e as Error).message);
    }
    verifyRegrades(a, content, form, view.answers);
    verifyPsych(a, content, form, view);
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

  /**
   * Step 5.7: the attempt's regrade record. Its current regrade ids are the bundle's corrections of the exam's
   * banks; each earlier score is the replay scored with the served items ([]) or with those corrections, and
   * the record chains (each score replaced by the next one's regrades, the last by the current ones).
   */
  function verifyRegrades(
    a: BundleAttempt,
    content: NonNullable<ReturnType<typeof exams.get>>,
    form: ReturnType<typeof buildForm>,
    answers: ReadonlyMap<string, string | null>,
  ) {
    const who = a.pseudonym;
    const current = a.regradeIds ?? [];
    if (canonicalJson(current) !== canonicalJson(content.regradeIds))
      fail(who, 'regrade ids of the result', content.regradeIds, current);
    const previous = a.previous ?? [];
    for (const [i, p] of previous.entries()) {
      counts.previous++;
      for (const id of [...(p.regradeIds ?? []), ...(p.replacedBy ?? [])])
        if (!earlier.has(id)) earlier.set(id, who);
      const next = previous[i + 1]?.regradeIds ?? current;
      if (canonicalJson(p.replacedBy) !== canonicalJson(next))
        fail(who, `previous score ${i + 1} replaced by`, next, p.replacedBy);
      const byId =
        p.regradeIds.length === 0
          ? content.servedById
          : canonicalJson(p.regradeIds) === canonicalJson(content.regradeIds)
            ? content.itemsById
            : undefined;
      if (!byId) {
        // Scored under an earlier correction whose twin the bundle does not carry: not re-derivable.
        counts.previousUnchecked++;
        continue;
      }
      try {
        const s = scoreAttempt(content.exam, form, byId, answers, a.formationType);
        const expected = { sections: s.sections, total: s.total, passed: s.passed };
        const found = { sections: p.sections, total: p.total, passed: p.passed };
        if (canonicalJson(expected) !== canonicalJson(found))
          fail(
            who,
            `previous score ${i + 1} (${p.regradeIds.length === 0 ? 'served items' : 'regraded items'})`,
            expected,
            found,
          );
      } catch (e) {
        fail(who, `previous score ${i + 1}`, 'a score', (e as Error).message);
      }
    }
  }

  /**
   * Step 5.8 (personal bundles of a PSYCH exam): the psych document is signed, names this attempt, and equals
   * scorePsych over the form (inventory order and Kraepelin digit columns from the seed) and the replayed log.
   */
  function verifyPsych(
    a: BundleAttempt,
    content: NonNullable<ReturnType<typeof exams.get>>,
    form: ReturnType<typeof buildForm>,
    view: ReturnType<typeof replay>,
  ) {
    const who = a.pseudonym;
    if (!a.psych) {
      if (content.exam.scheme === 'PSYCH' && manifest?.kind === 'personal')
        fail(who, 'psych scores', 'present in a personal bundle of a PSYCH exam', undefined);
      return;
    }
    counts.psych++;
    signed(`${who} psych`, a.psych);
    const doc = a.psych.document;
    let derived: ReturnType<typeof scorePsych>;
    try {
      derived = scorePsych(form, content.itemsById, view);
    } catch (e) {
      return fail(who, 'psych re-score', 'psych scores', (e as Error).message);
    }
    const expect: Record<string, unknown> = {
      attemptId: a.attemptId,
      pseudonym: a.pseudonym,
      examId: content.exam.id,
      examVersion: content.exam.version,
      factors: derived.factors,
      speed: derived.speed,
    };
    for (const [k, v] of Object.entries(expect)) {
      const found = (doc as unknown as Record<string, unknown> | undefined)?.[k];
      if (found === undefined || !same(v, found)) fail(who, `psych ${k}`, v, found);
    }
  }

  // 7. Publication: signature, re-ranked rows, Merkle root
  // A bundle of PSYCH exams only has no publication: psych results are never published.
  const psychOnly = exams.size > 0 && [...exams.values()].every((e) => e.exam.scheme === 'PSYCH');
  if (psychOnly && files.read(P.publication) !== undefined)
    fail(P.publication, 'psych results are never published', '(no publication)', 'publication.json');
  const pub = psychOnly ? undefined : json<Signed<PublicationDoc>>(P.publication);
  const formations = (json<Formation[]>(P.formations, 'array') ?? []).filter((f) => {
    const ok = typeof f?.id === 'string' && typeof f.openings === 'number';
    if (!ok) fail(P.formations, 'formation', '{id, formationType, openings}', f);
    return ok;
  });
  let skdRows: PublishedRow[] | undefined;
  let skbDoc: BundleSkbDoc | undefined;
  if (pub) {
    try {
      skdRows = rankRows(results, formations);
    } catch (e) {
      fail(P.publication, 'ranking', 'rankable results', (e as Error).message);
    }
    // 8. Inclusion proofs against the signed root (with 7's signature, rows and Merkle root)
    const checked = await guardAsync(P.publication, () =>
      checkPublication(
        {
          path: P.publication,
          pub,
          expected: skdRows ?? [],
          formations,
          rowLabel: 'published row',
          strayWhat: 'published row without a verified attempt',
          proofWhat: 'inclusion proof',
          proofs: manifest.proofs ?? [],
          proofPath: P.proof,
        },
        context,
      ),
    );
    counts.rows += checked?.rows ?? 0;
    counts.proofs += checked?.proofs ?? 0;
  }

  // 11. The final (SKB) ranking, when the manifest lists its proofs: re-derived from the verified SKD ranking and
  //     the signed SKB scores, then checked like the SKD publication.
  if (manifest.finalProofs !== undefined) {
    if (psychOnly) fail(P.finalPublication, 'psych results are never published', '(no final ranking)', P.skb);
    else {
      const f = await verifyFinal(manifest, pub ? skdRows : undefined, formations, context);
      counts.skb += f.skb;
      counts.finalRows += f.finalRows;
      counts.finalProofs += f.finalProofs;
      skbDoc = f.doc;
    }
  } else
    for (const path of [P.skb, P.finalPublication])
      if (files.read(path) !== undefined)
        fail(path, 'listed in the manifest (finalProofs)', '(absent)', 'present but not listed');

  // 9. Admin audit log (personal bundles): each day's hash chain; a deleted entry leaves a gap, an edited one
  //    a wrong hash, a re-linked one a wrong prevHash.
  const logged: AuditEntry[] = [];
  for (const day of manifest.auditDays ?? []) {
    const entries = json<AuditEntry[]>(P.auditDay(day), 'array');
    if (!entries) continue;
    const verdict = guard(P.auditDay(day), () => verifyAuditChain(day, entries));
    if (!verdict) continue;
    logged.push(...entries);
    counts.audit += entries.length;
    if (!verdict.ok) {
      const what = {
        gap: `audit entry ${verdict.seq} missing (deleted)`,
        hash: `audit entry ${verdict.seq} edited (hash)`,
        prevHash: `audit entry ${verdict.seq} re-linked (prevHash)`,
        day: `audit entry ${verdict.seq} in the wrong day`,
      }[verdict.problem];
      const found = entries.find((e) => e.seq === verdict.seq);
      fail(
        P.auditDay(day),
        what,
        verdict.problem === 'gap' ? `seq ${verdict.seq}` : 'unchanged entry',
        found,
      );
    }
  }

  // 10. Appeals (personal bundles): each against a verified attempt, its filing and its answer in the audit log.
  const appeals =
    manifest.kind === 'personal' && files.read(P.appeals) !== undefined
      ? json<BundleAppeal[]>(P.appeals, 'array')
      : [];
  const verified = new Set(results.map((r) => r.pseudonym));
  guard(P.appeals, () => {
    for (const ap of appeals ?? []) {
      counts.appeals++;
      const who = ap.pseudonym;
      if (!verified.has(who)) fail(who, 'appeal against an attempt of the bundle', ap.attemptId, '(none)');
      const filed = logged.some(
        (e) => e.action === 'appeal.file' && e.target === `attempt:${ap.attemptId}` && e.reason === ap.text,
      );
      if (!filed)
        fail(who, 'appeal filing in the audit log', `appeal.file attempt:${ap.attemptId}`, '(none)');
      if (ap.filedAt >= ap.fileUntil)
        fail(who, 'appeal filed before fileUntil', `< ${ap.fileUntil}`, ap.filedAt);
      const r = ap.resolution;
      if ((ap.status === 'open') !== (r === undefined) || (r && r.decision !== ap.status))
        fail(who, 'appeal status = its answer', r?.decision ?? 'open', ap.status);
      if (r) {
        const action = `appeal.${r.decision === 'upheld' ? 'uphold' : 'reject'}`;
        const answered = logged.some(
          (e) =>
            e.action === action &&
            e.target === `attempt:${ap.attemptId}` &&
            e.reason === r.reason &&
            'id' in e.actor &&
            e.actor.id === r.by,
        );
        if (!answered)
          fail(who, 'appeal answer in the audit log', `${action} attempt:${ap.attemptId}`, '(none)');
        if (r.late !== r.at > ap.answerBy) fail(who, 'appeal answer late', r.at > ap.answerBy, r.late);
      }
    }
  });

  // 12. Corrections (personal bundles): every correction scoring applied (step 4's `regrade`) has its
  //     `exam.regrade` entry in the carried audit log, on an exam of the bundle that uses the bank, naming the
  //     bank, the served and corrected snapshots and the regrade id; the SKB import skb.json names has its
  //     `skb.import` entry. Public bundles carry no audit log.
  if (manifest.kind === 'personal' && skbDoc?.importId) {
    const { examId, importId } = skbDoc;
    const imported = logged.some(
      (e) =>
        e.action === 'skb.import' &&
        e.target === `exam:${examId}` &&
        (e.details as { importId?: unknown } | undefined)?.importId === importId,
    );
    if (!imported)
      fail(P.skb, 'SKB import in the audit log', `skb.import exam:${examId} importId ${importId}`, '(none)');
  }
  if (manifest.kind === 'personal') {
    const recorded = new Set<string>();
    const named = new Set<string>();
    for (const e of logged) {
      if (e.action !== 'exam.regrade') continue;
      const d = e.details as { bankId?: unknown; corrections?: Array<Record<string, unknown>> } | undefined;
      for (const c of Array.isArray(d?.corrections) ? d.corrections : []) {
        if (typeof c?.regradeId === 'string') named.add(c.regradeId);
        recorded.add(
          canonicalJson([e.target, d?.bankId, c?.fromSnapshot, c?.toSnapshot, c?.regradeId] as unknown[]),
        );
      }
    }
    // Every regrade id a `previous` record names (an earlier correction or the current one) was recorded too.
    for (const [id, who] of earlier)
      if (!named.has(id))
        fail(
          who,
          'regrade of a previous score in the audit log',
          `exam.regrade naming regradeId ${id}`,
          '(none)',
        );
    for (const c of applied) {
      counts.corrections++;
      const users = [...exams.values()].filter((x) => x.exam.sections.some((s) => s.bankId === c.bankId));
      for (const { exam } of users) {
        const target = `exam:${exam.id}`;
        if (!recorded.has(canonicalJson([target, c.bankId, c.from, c.to, c.regradeId])))
          fail(
            P.bank(c.bankId),
            'correction in the audit log',
            `exam.regrade ${target} bank ${c.bankId} ${c.from} -> ${c.to} regradeId ${c.regradeId}`,
            '(none)',
          );
      }
    }
  }
  return { counts, mismatches };
}
