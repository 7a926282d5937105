// Auditor bundles: everything needed to verify an exam offline (seleksi-audit-bundle/1) as one JSON archive in
// the audit bucket. Public bundles are anonymized; a personal bundle (registration numbers) only for named
// auditors, and every bundle request is in the admin audit log.

import type { Session } from '../domain/attempt.ts';
import { auditDay } from '../domain/audit-log.ts';
import {
  AUDIT_DAYS_BEFORE,
  BUNDLE_FORMAT,
  type BundleAppeal,
  type BundleAttempt,
  type BundleAuditDay,
  type BundleSession,
  type BundleSkbDoc,
  type PsychDoc,
  type ResultDoc,
  resultDocOf,
} from '../domain/bundle.ts';
import { bundleFiles } from '../domain/bundle-write.ts';
import { sha256 } from '../domain/digest.ts';
import { DomainError } from '../domain/errors.ts';
import { buildForm, prepareBank } from '../domain/form.ts';
import { pseudonym } from '../domain/pseudonym.ts';
import { scorePsych } from '../domain/psych/attempt.ts';
import {
  type Formation,
  type PublicationDoc,
  publicationProofs,
  publishedFormation,
  rankRows,
} from '../domain/publication.ts';
import { replay } from '../domain/replay.ts';
import { revealDecision } from '../domain/reveal.ts';
import { publicKeyEntry, type Signed, signDocument } from '../domain/signature.ts';
import { DEFAULT_SKB_SETTINGS, fromMilli, skbMilliOf } from '../domain/skb.ts';
import type { AuditLog } from './audit-log.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { type PublicationService, publicationKeysOf } from './publication.ts';
import type { StaffRequest } from './request.ts';
import { finalPublicationId } from './skb.ts';

export interface BundleReceipt {
  key: string;
  url: string;
  kind: 'public' | 'personal';
  files: number;
  attempts: number;
  bytes: number;
}

const DAY_MS = 86_400_000;

/** Presigned download lifetime. */
const URL_SECONDS = 15 * 60;

export const createBundleService = (deps: Deps, audit: AuditLog, publication: PublicationService) => {
  const { store } = deps;

  /**
   * The final (SKB) ranking's part of a bundle, when it is published: the latest final publication, its proofs,
   * and skb.json signed now — the exam's final settings and the SKB score (never a component) of each candidate
   * who advances in the SKD ranking of the bundle's results and has one in the import in force.
   */
  const finalPart = async (
    examId: string,
    attempts: BundleAttempt[],
    formations: Formation[],
    keys: { signingKeyPem: string; pseudonymSecret: string },
  ) => {
    const final = await publication.document(finalPublicationId(examId)).catch(() => undefined);
    if (!final) return undefined;
    const settings = (await store.skb.getSettings(examId)) ?? DEFAULT_SKB_SETTINGS;
    const pointer = await store.skb.getPointer(examId);
    const skd = rankRows(
      attempts.map((a) => a.result.document),
      formations,
    );
    const advancing = new Set(skd.filter((r) => r.advances).map((r) => r.pseudonym));
    const scores: BundleSkbDoc['scores'] = [];
    for (const row of pointer ? await store.skb.listCurrent(examId) : []) {
      const p = pseudonym(keys.pseudonymSecret, row.regNo);
      if (advancing.has(p)) scores.push({ pseudonym: p, skb: fromMilli(skbMilliOf(row, settings)) });
    }
    scores.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
    const doc: BundleSkbDoc = {
      examId,
      importId: pointer?.importId ?? null,
      final: {
        skdWeight: settings.final.skd,
        skbWeight: settings.final.skb,
        skdMax: settings.final.skdMax,
        tieBreaks: [...settings.tieBreaks],
      },
      scores,
    };
    return {
      skb: signDocument(doc, keys.signingKeyPem),
      publication: final as Signed<PublicationDoc>,
      proofs: publicationProofs(sha256, final.document),
    };
  };

  /** The archive's files: refused while any session of the exam may still change (secret not revealed). */
  const assemble = async (examId: string, kind: 'public' | 'personal') => {
    const keys = publicationKeysOf(deps);
    const latest = await store.exams.get(examId);
    if (!latest) throw userError('NOT_FOUND.exam', { examId });
    const now = deps.clock();
    const sessions = (await store.sessions.list()).filter((s) => s.examId === examId);
    const margin = deps.config.graceMs + deps.config.attemptCacheMs;
    const open: Session[] = [];
    /** The exam versions attempts ran on (sessions name a version; a bundle carries one). */
    const versions = new Set<number>();
    for (const s of sessions) {
      const metas = await store.attempts.listBySession(s.id);
      if (metas.length > 0) versions.add(s.examVersion);
      if (!revealDecision(s, metas, now, margin).revealed) open.push(s);
    }
    if (open.length > 0) throw userError('VALIDATION.sessionsOpen', { sessions: open.map((s) => s.id) });
    if (versions.size > 1)
      throw new DomainError(
        'CONFLICT',
        `attempts of exam ${examId} ran on versions ${[...versions].sort().join(', ')}; a bundle carries one exam version`,
      );
    const [version] = [...versions];
    const exam = version === undefined ? latest : ((await store.exams.get(examId, version)) ?? latest);
    // Psych results never leave in an anonymized bundle: a PSYCH exam only in the named auditors' personal one.
    if (exam.scheme === 'PSYCH' && kind !== 'personal') throw userError('VALIDATION.psychNotPublished');
    const bundleSessions: BundleSession[] = [];
    const attempts: BundleAttempt[] = [];
    /** The snapshot each bank's attempts were served from (the bundle carries one per bank). */
    const pinned = new Map<string, string>(Object.entries(exam.bankSnapshots ?? {}));
    for (const s of sessions) {
      const secret = await store.sessions.getSecret(s.id);
      if (secret === undefined) throw new DomainError('NOT_FOUND', `secret of session ${s.id} missing`);
      bundleSessions.push({
        sessionId: s.id,
        examId: s.examId,
        examVersion: s.examVersion,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        secretCommitment: s.secretCommitment,
        secret,
        graceMs: deps.config.graceMs,
        speedGraceMs: deps.config.speedGraceMs,
      });
      for (const meta of await store.attempts.listBySession(s.id)) {
        const [steps, result] = await Promise.all([
          store.attempts.readSteps(meta.attemptId),
          store.attempts.getResult(meta.attemptId),
        ]);
        if (!result) continue; // never finished: nothing scored, nothing ranked
        for (const [bankId, snapshotId] of Object.entries(meta.bankSnapshots ?? {})) {
          const seen = pinned.get(bankId);
          if (seen === undefined) pinned.set(bankId, snapshotId);
          else if (seen !== snapshotId)
            throw new DomainError(
              'CONFLICT',
              `bank ${bankId}: attempts of exam ${examId} were served from different snapshots (${seen}, ${snapshotId}); a bundle carries one snapshot per bank`,
            );
        }
        const p = pseudonym(keys.pseudonymSecret, meta.regNo);
        const doc: ResultDoc = resultDocOf(result, p);
        attempts.push({
          attemptId: meta.attemptId,
          pseudonym: p,
          sessionId: s.id,
          formationId: meta.formationId,
          formationType: meta.formationType,
          seed: meta.seed,
          startedAt: meta.startedAt,
          durationMs: meta.durationMs,
          steps,
          // The signature made at finalize when there is one (the verifier checks it); else signed now.
          result: result.signature
            ? { document: doc, signature: result.signature }
            : signDocument(doc, keys.signingKeyPem),
          ...(result.regradeIds?.length ? { regradeIds: result.regradeIds } : {}),
          ...(result.previous?.length ? { previous: result.previous } : {}),
          ...(kind === 'personal' ? { regNo: meta.regNo } : {}),
        });
      }
    }
    const used = new Set(attempts.map((a) => a.formationId));
    const formations = (await store.formations.list()).filter((f) => used.has(f.id)).map(publishedFormation);
    const bankIds = [...new Set(exam.sections.map((s) => s.bankId))];
    const banks = await Promise.all(
      bankIds.map(async (bankId) => {
        const snapshotId = pinned.get(bankId);
        const snapshot = snapshotId ? await store.banks.getSnapshot(snapshotId) : undefined;
        const items = snapshot ? snapshot.items : await store.banks.list(bankId);
        // After a regrade the stored scores come from the corrected twin: the bundle carries it for scoring.
        const correction = snapshotId ? exam.scoringCorrections?.[snapshotId] : undefined;
        const twin = correction ? await store.banks.getSnapshot(correction.snapshotId) : undefined;
        if (correction && !twin)
          throw new DomainError('NOT_FOUND', `corrected snapshot ${correction.snapshotId} missing`);
        return twin && correction
          ? { bankId, items, regrade: { regradeId: correction.regradeId, items: twin.items } }
          : { bankId, items };
      }),
    );
    if (exam.scheme === 'PSYCH') {
      // The psych scores as the server derives them (services/psych.ts), signed; the verifier re-derives them.
      const served = banks.flatMap((b) => b.items);
      const scoring = new Map(banks.flatMap((b) => b.regrade?.items ?? b.items).map((i) => [i.id, i]));
      const prepared = prepareBank(served);
      for (const a of attempts) {
        const form = buildForm(exam, prepared, a.seed);
        const view = replay(a.steps, a, deps.config.graceMs);
        const scores = scorePsych(form, scoring, view);
        const doc: PsychDoc = {
          attemptId: a.attemptId,
          pseudonym: a.pseudonym,
          examId: exam.id,
          examVersion: exam.version,
          ...scores,
        };
        a.psych = signDocument(doc, keys.signingKeyPem);
      }
    }
    const auditLog: BundleAuditDay[] = [];
    if (kind === 'personal') {
      const first = Math.min(now, ...sessions.map((s) => s.opensAt)) - AUDIT_DAYS_BEFORE * DAY_MS;
      for (let at = Date.parse(`${auditDay(first)}T00:00:00Z`); at <= now; at += DAY_MS) {
        const day = auditDay(at);
        const entries = await audit.list(day);
        if (entries.length > 0) auditLog.push({ day, entries });
      }
    }
    const appeals: BundleAppeal[] = [];
    if (kind === 'personal') {
      const pseudonymOf = new Map(attempts.map((a) => [a.attemptId, a.pseudonym]));
      for (const appeal of await store.appeals.list()) {
        const p = pseudonymOf.get(appeal.attemptId);
        if (p) appeals.push({ ...appeal, pseudonym: p });
      }
    }
    const published = await publication.document(examId).catch(() => undefined);
    const proofs = published ? publicationProofs(sha256, published.document) : [];
    const final = published ? await finalPart(examId, attempts, formations, keys) : undefined;
    const known = await publication.keys();
    const own = publicKeyEntry(keys.signingKeyPem);
    const files = bundleFiles({
      kind,
      createdAt: now,
      keys: known.some((k) => k.keyId === own.keyId) ? known : [...known, own],
      formations,
      exams: [exam],
      banks,
      sessions: bundleSessions,
      attempts,
      ...(published ? { publication: published } : {}),
      proofs,
      ...(final ? { final } : {}),
      auditLog,
      ...(kind === 'personal' ? { appeals } : {}),
    });
    return { files, attempts: attempts.length };
  };

  return {
    assemble,
    /**
     * Writes the archive {format, files} to audit/bundles/<examId>/<kind>-<time>.json and returns a presigned
     * URL. Personal bundles only for auditors named in config.personalDataAuditors (else FORBIDDEN).
     */
    async export(req: StaffRequest, examId: string, kind: 'public' | 'personal'): Promise<BundleReceipt> {
      if (kind === 'personal' && !(deps.config.personalDataAuditors ?? []).includes(req.actor.id))
        throw userError('FORBIDDEN.personalData');
      return audit.run({ ...req, action: `bundle.${kind}`, target: `exam:${examId}` }, async () => {
        const { files, attempts } = await assemble(examId, kind);
        const body = JSON.stringify({ format: BUNDLE_FORMAT, files: Object.fromEntries(files) });
        const key = `audit/bundles/${examId}/${kind}-${deps.clock()}-${req.opId}.json`;
        await store.objects.put(store.config.auditBucket, key, body, 'application/json');
        return {
          key,
          url: await store.objects.presignGet(store.config.auditBucket, key, URL_SECONDS),
          kind,
          files: files.size,
          attempts,
          bytes: Buffer.byteLength(body),
        };
      });
    },
  };
};
