// Publication of rankings to S3 under published/: anonymized rows, signed, Merkle-rooted, versioned, idempotent;
// plus the inclusion proof of one pseudonym. Psychological instruments are never published.
import { canonicalJson } from '../domain/canonical-json.ts';
import { sha256 } from '../domain/digest.ts';
import { inclusionProof, type SyncHashFn, toHex } from '../domain/merkle.ts';
import { pseudonym } from '../domain/pseudonym.ts';
import {
  buildPublication,
  type Formation,
  type InclusionProofDoc,
  type PublicationDoc,
  type PublishedRow,
  publishedFormation,
  rankRows,
  rowTree,
} from '../domain/publication.ts';
import { type PublicKeyEntry, publicKeyEntry, type Signed, signDocument } from '../domain/signature.ts';
import type { AuditLog } from './audit-log.ts';
import type { PublicationKeys } from './config.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { PUBLICATION_CSS, publicationCsv, publicationHtml } from './publication-render.ts';
import type { StaffRequest } from './request.ts';

/** S3 keys in the public bucket. */
export const publishedKeys = {
  keys: 'published/keys.json',
  latest: (pubId: string) => `published/rankings/${pubId}/latest.json`,
  version: (pubId: string, v: number, file: string) => `published/rankings/${pubId}/v${v}/${file}`,
};

export interface LatestPointer {
  publicationId: string;
  version: number;
  publishedAt: number;
  root: string;
  size: number;
  keyId: string;
  files: { json: string; csv: string; html: string; htmlEn: string };
}

/** The pseudonym secret alone (scoreboards: the public function holds no signing key). */
export const pseudonymSecretOf = (deps: Deps): string => {
  const secret = deps.config.publication?.pseudonymSecret;
  if (!secret) throw userError('VALIDATION.noPublicationKeys');
  return secret;
};

export const publicationKeysOf = (deps: Deps): PublicationKeys => {
  const keys = deps.config.publication;
  if (!keys?.signingKeyPem) throw userError('VALIDATION.noPublicationKeys');
  return keys;
};

const hash: SyncHashFn = sha256;

/** Publishers racing for a version retry this often before answering CONFLICT.busy. */
const CLAIM_TRIES = 8;

/** What one version of a publication states: rows in leaf order, the formations, the final settings if any. */
export interface PublicationInput {
  title: string;
  formations: Formation[];
  rows: PublishedRow[];
  /** Section columns of the CSV/HTML, in exam order. */
  sectionIds: string[];
  final?: PublicationDoc['final'];
}

/** A publication as the console shows it: its latest version, and whether it still states the results. */
export interface PublicationStatus {
  publicationId: string;
  latest: { version: number; publishedAt: number; root: string; size: number } | null;
  /** Rows a publication made now would have. */
  rows: number;
  /** The latest version states exactly the rows a publication made now would (false when none is published). */
  upToDate: boolean;
}

export const createPublicationService = (deps: Deps, audit: AuditLog) => {
  const { store } = deps;
  const bucket = store.config.publicBucket;
  const getJson = async <T>(key: string): Promise<T | undefined> => {
    const body = await store.objects.get(bucket, key);
    return body ? (JSON.parse(body.toString('utf8')) as T) : undefined;
  };
  /** Proof trees per (publication, version): rebuilt once per process, not per request. */
  const trees = new Map<
    string,
    { doc: PublicationDoc; levels: Uint8Array[][]; index: Map<string, number> }
  >();

  /** The exam, refused when unknown or a psych instrument (never published, never ranked). */
  const skdExam = async (examId: string) => {
    const exam = await store.exams.get(examId);
    if (!exam) throw userError('NOT_FOUND.exam', { examId });
    if (exam.scheme === 'PSYCH') throw userError('VALIDATION.psychNotPublished');
    return exam;
  };

  /**
   * Every stored result of the exam, anonymized and ranked, with the formations that have any (id order), and
   * the registration number behind each pseudonym (for admin use only; never published).
   */
  const gather = async (examId: string, keys: PublicationKeys) => {
    const exam = await skdExam(examId);
    const formations = (await store.formations.list()).map(publishedFormation);
    const results = [];
    const used = [];
    const regNos = new Map<string, string>();
    for (const f of formations) {
      const rs = (await store.attempts.listResultsByFormation(f.id)).filter((r) => r.examId === examId);
      if (rs.length === 0) continue;
      used.push(f);
      for (const r of rs) {
        const p = pseudonym(keys.pseudonymSecret, r.regNo);
        regNos.set(p, r.regNo);
        results.push({
          pseudonym: p,
          formationId: f.id,
          sections: r.sections,
          total: r.total,
          passed: r.passed,
          receipt: r.logHash,
        });
      }
    }
    return { exam, formations: used, rows: rankRows(results, used), regNos };
  };

  const publishKeys = async (entry: PublicKeyEntry): Promise<void> => {
    const known = (await getJson<PublicKeyEntry[]>(publishedKeys.keys)) ?? [];
    if (known.some((k) => k.keyId === entry.keyId)) return;
    await store.objects.put(
      bucket,
      publishedKeys.keys,
      JSON.stringify([...known, entry], null, 2),
      'application/json',
    );
  };

  /** Whatever the store's pointer says is latest (falls back to latest.json of publications made before it). */
  const latestOf = async (pubId: string) => {
    const state = await store.publications.get(pubId);
    const latest =
      (state.latest as LatestPointer | undefined) ??
      (await getJson<LatestPointer>(publishedKeys.latest(pubId)));
    return { claimed: state.claimed, latest };
  };

  /** Whether the latest version states exactly `input`'s rows, formations and final settings. */
  const statesLatest = async (
    latest: LatestPointer | undefined,
    input: Pick<PublicationInput, 'rows' | 'formations' | 'final'>,
  ): Promise<boolean> => {
    if (!latest) return false;
    const prev = await getJson<Signed<PublicationDoc>>(latest.files.json);
    return (
      !!prev &&
      canonicalJson(prev.document.rows) === canonicalJson(input.rows) &&
      canonicalJson(prev.document.formations) === canonicalJson(input.formations) &&
      canonicalJson(prev.document.final ?? null) === canonicalJson(input.final ?? null)
    );
  };

  const statusOf = async (
    pubId: string,
    input: Pick<PublicationInput, 'rows' | 'formations' | 'final'>,
  ): Promise<PublicationStatus> => {
    const { latest } = await latestOf(pubId);
    return {
      publicationId: pubId,
      latest: latest
        ? { version: latest.version, publishedAt: latest.publishedAt, root: latest.root, size: latest.size }
        : null,
      rows: input.rows.length,
      upToDate: await statesLatest(latest, input),
    };
  };

  /**
   * Copies the store's latest pointer to latest.json, re-reading until the pointer it copied is still the
   * latest afterwards: a slower publisher that copies an older pointer re-copies the newer one, so the file
   * settles on the newest version whatever the interleaving.
   */
  const syncLatestFile = async (pubId: string): Promise<void> => {
    for (let tries = 0; tries < 5; tries++) {
      const before = (await store.publications.get(pubId)).latest as LatestPointer | undefined;
      if (!before) return;
      await store.objects.put(
        bucket,
        publishedKeys.latest(pubId),
        JSON.stringify(before, null, 2),
        'application/json',
      );
      const after = (await store.publications.get(pubId)).latest as LatestPointer | undefined;
      if (after?.version === before.version) return;
    }
  };

  /**
   * Writes a new version unless rows and formations equal the latest version's (then returns it, writes
   * nothing). The version number is claimed first with a conditional write on the store's version pointer, so
   * two publishers racing never write the same version's files; the latest pointer only moves forwards.
   */
  const publishVersioned = async (
    pubId: string,
    input: PublicationInput,
  ): Promise<LatestPointer & { created: boolean }> => {
    const keys = publicationKeysOf(deps);
    const entry = publicKeyEntry(keys.signingKeyPem);
    await publishKeys(entry);
    for (let tries = 0; tries < CLAIM_TRIES; tries++) {
      const { claimed, latest } = await latestOf(pubId);
      if (latest && (await statesLatest(latest, input))) return { ...latest, created: false };
      const base = Math.max(claimed, latest?.version ?? 0);
      const version = base + 1;
      if (!(await store.publications.claim(pubId, claimed, version))) continue;
      const pointer = await writeVersion(pubId, version, input, keys, entry);
      await store.publications.advance(pubId, version, pointer);
      await syncLatestFile(pubId);
      return { ...pointer, created: true };
    }
    throw userError('CONFLICT.busy');
  };

  /** The files of one claimed version: signed JSON, CSV, HTML id/en and the stylesheet. */
  const writeVersion = async (
    pubId: string,
    version: number,
    input: PublicationInput,
    keys: PublicationKeys,
    entry: PublicKeyEntry,
  ): Promise<LatestPointer> => {
    const publishedAt = deps.clock();
    const { doc } = buildPublication(
      hash,
      {
        publicationId: pubId,
        version,
        publishedAt,
        title: input.title,
        ...(input.final ? { final: input.final } : {}),
      },
      input.formations,
      input.rows,
    );
    const signed = signDocument(doc, keys.signingKeyPem);
    const { sectionIds } = input;
    const files = {
      json: publishedKeys.version(pubId, version, 'ranking.json'),
      csv: publishedKeys.version(pubId, version, 'ranking.csv'),
      html: publishedKeys.version(pubId, version, 'index.html'),
      htmlEn: publishedKeys.version(pubId, version, 'index.en.html'),
    };
    await store.objects.put(bucket, files.json, JSON.stringify(signed), 'application/json');
    await store.objects.put(bucket, files.csv, publicationCsv(doc, sectionIds), 'text/csv; charset=utf-8');
    await store.objects.put(
      bucket,
      files.html,
      publicationHtml(signed, sectionIds, 'id', 'index.en.html'),
      'text/html; charset=utf-8',
    );
    await store.objects.put(
      bucket,
      publishedKeys.version(pubId, version, 'style.css'),
      PUBLICATION_CSS,
      'text/css; charset=utf-8',
    );
    await store.objects.put(
      bucket,
      files.htmlEn,
      publicationHtml(signed, sectionIds, 'en', 'index.html'),
      'text/html; charset=utf-8',
    );
    return {
      publicationId: pubId,
      version,
      publishedAt,
      root: doc.merkle.root,
      size: doc.merkle.size,
      keyId: entry.keyId,
      files,
    };
  };

  const publishNow = async (examId: string): Promise<LatestPointer & { created: boolean }> => {
    const keys = publicationKeysOf(deps);
    const { exam, formations, rows } = await gather(examId, keys);
    return publishVersioned(examId, {
      title: exam.title,
      formations,
      rows,
      sectionIds: exam.sections.map((s) => s.id),
    });
  };

  return {
    /**
     * Publishes the ranking of an exam. Idempotent: when rows and formations equal the latest version's, the
     * latest pointer is returned and nothing is written; otherwise version + 1 is written (JSON, CSV, HTML id/en),
     * then the pointer (last, so readers never see a half-written version). Recorded in the admin audit log first.
     */
    publish(req: StaffRequest, examId: string): Promise<LatestPointer & { created: boolean }> {
      return audit.run({ ...req, action: 'publication.publish', target: `exam:${examId}` }, () =>
        publishNow(examId),
      );
    },
    /**
     * The latest published SKD ranking of an exam and whether it states the results as they are now (a
     * regrade or a late finalize makes it stale until it is published again). Reads only; nothing is written.
     */
    async skdStatus(examId: string): Promise<PublicationStatus> {
      const { formations, rows } = await gather(examId, publicationKeysOf(deps));
      return statusOf(examId, { formations, rows });
    },
    /** The latest version of any publication and whether it states `input` (the final ranking uses it). */
    status: statusOf,
    /** Writes a version of any publication (the final ranking uses it); callers audit. */
    publishRows: publishVersioned,
    /** The SKD ranking as it would be published now, and who is behind each pseudonym (admin use only). */
    skdRanking: (examId: string) => gather(examId, publicationKeysOf(deps)),
    skdExam,
    latest: (pubId: string) => getJson<LatestPointer>(publishedKeys.latest(pubId)),
    keys: async () => (await getJson<PublicKeyEntry[]>(publishedKeys.keys)) ?? [],

    /** The signed document of a version (latest when omitted). */
    async document(pubId: string, version?: number): Promise<Signed<PublicationDoc>> {
      const v = version ?? (await getJson<LatestPointer>(publishedKeys.latest(pubId)))?.version;
      const signed =
        v === undefined
          ? undefined
          : await getJson<Signed<PublicationDoc>>(publishedKeys.version(pubId, v, 'ranking.json'));
      if (!signed) throw userError('NOT_FOUND.publication');
      return signed;
    },

    /** Inclusion proof of a pseudonym's row in the latest version. Unknown pseudonym -> NOT_FOUND. */
    async proof(pubId: string, pseudo: string): Promise<InclusionProofDoc> {
      const signed = await this.document(pubId);
      const doc = signed.document;
      const cacheKey = `${pubId}#${doc.version}`;
      let tree = trees.get(cacheKey);
      if (!tree) {
        tree = {
          doc,
          levels: rowTree(hash, doc.rows).levels,
          index: new Map(doc.rows.map((r, i) => [r.pseudonym, i])),
        };
        if (trees.size > 16) trees.clear();
        trees.set(cacheKey, tree);
      }
      const index = tree.index.get(pseudo);
      const row = index === undefined ? undefined : doc.rows[index];
      if (index === undefined || !row) throw userError('NOT_FOUND.pseudonym');
      return {
        publicationId: pubId,
        version: doc.version,
        index,
        size: doc.merkle.size,
        root: doc.merkle.root,
        row,
        path: inclusionProof(tree.levels, index).map(toHex),
      };
    },
  };
};

export type PublicationService = ReturnType<typeof createPublicationService>;
