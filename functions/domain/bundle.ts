// Audit bundle format (seleksi-audit-bundle/1): the files an auditor needs to verify offline, and their paths.
import type { Appeal } from './appeal.ts';
import type { AuditEntry } from './audit-log.ts';
import type { Item } from './items.ts';
import type { PsychResult } from './psych/attempt.ts';
import type { FinalSettingsDoc } from './publication.ts';
import type { PreviousScore } from './regrade.ts';
import type { Signed } from './signature.ts';
import type { Step } from './steps.ts';

export const BUNDLE_FORMAT = 'seleksi-audit-bundle/1';

/**
 * Paths inside a bundle (a directory, or one JSON archive `{format, files: {path: text}}`):
 *   manifest.json, keys.json, formations.json, exams/<examId>.json, banks/<bankId>.json,
 *   sessions/<sessionId>.json, attempts/<pseudonym>.json, publication.json, proofs/<pseudonym>.json,
 *   with a final (SKB) ranking: skb.json, final-publication.json, final-proofs/<pseudonym>.json,
 *   and in a personal bundle only: audit-log/<YYYY-MM-DD>.json, appeals.json
 */
export const bundlePaths = {
  manifest: 'manifest.json',
  keys: 'keys.json',
  formations: 'formations.json',
  exam: (examId: string) => `exams/${examId}.json`,
  bank: (bankId: string) => `banks/${bankId}.json`,
  session: (sessionId: string) => `sessions/${sessionId}.json`,
  attempt: (pseudonym: string) => `attempts/${pseudonym}.json`,
  publication: 'publication.json',
  proof: (pseudonym: string) => `proofs/${pseudonym}.json`,
  auditDay: (day: string) => `audit-log/${day}.json`,
  appeals: 'appeals.json',
  skb: 'skb.json',
  finalPublication: 'final-publication.json',
  finalProof: (pseudonym: string) => `final-proofs/${pseudonym}.json`,
} as const;

/** Days of admin audit log a personal bundle carries before its first session opens (exam set-up, PINs). */
export const AUDIT_DAYS_BEFORE = 14;

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  /** public: anonymized (pseudonyms only); personal: adds registration numbers, for named auditors only. */
  kind: 'public' | 'personal';
  createdAt: number;
  exams: string[];
  banks: string[];
  sessions: string[];
  attempts: string[];
  /** Pseudonyms with a proofs/ file. */
  proofs: string[];
  /**
   * Personal bundles: the UTC days (YYYY-MM-DD) of admin audit log carried whole, one audit-log/<day>.json each
   * (every entry of the day, every exam's: the chain is per day). Absent or [] in a public bundle.
   */
  auditDays?: string[];
  /**
   * Present (possibly []) exactly when the bundle carries the exam's final (SKB) ranking: skb.json,
   * final-publication.json and one final-proofs/<pseudonym>.json per listed pseudonym.
   */
  finalProofs?: string[];
}

/**
 * skb.json (signed when the bundle is made): what the final ranking is derived from besides the SKD results —
 * the exam's final settings and the SKB score of each candidate who advanced from SKD and has one. Only the SKB
 * score as the final ranking publishes it; never a component (computer test, interview, psych, other).
 */
export interface BundleSkbDoc {
  examId: string;
  /** The SKB import in force (the `importId` of its `skb.import` audit entry); null when none. */
  importId: string | null;
  /** The exam's SKB settings as a final publication states them: weights, SKD maximum, tie-breaks. */
  final: FinalSettingsDoc;
  /** Sorted by pseudonym (code units); skb = SKB score, 0..100 with at most 3 decimals. */
  scores: Array<{ pseudonym: string; skb: number }>;
}

/** A bank as exported: its items (keys and weights included) and its snapshot id. */
export interface BundleBank {
  bankId: string;
  /** Lowercase hex SHA-256 of UTF-8(canonicalJson(items sorted by id)). */
  snapshotId: string;
  items: Item[];
  /**
   * Present after a regrade (domain/regrade.ts): the corrected twin of the snapshot that scoring uses. Forms are
   * built from `items`; scores from `regrade.items`, which may differ from `items` only in keys and weights.
   */
  regrade?: BundleRegrade;
}

export interface BundleRegrade {
  /** First 32 hex of SHA-256(UTF-8(`<snapshotId>><regrade.snapshotId>`)). */
  regradeId: string;
  /** Snapshot id of the corrected items, computed like `snapshotId`. */
  snapshotId: string;
  items: Item[];
}

export interface BundleSession {
  sessionId: string;
  examId: string;
  examVersion: number;
  opensAt: number;
  closesAt: number;
  /** SHA-256 hex of UTF-8(secret), published before the session opened. */
  secretCommitment: string;
  /** The revealed session secret (text; HMAC key = its UTF-8 bytes). */
  secret: string;
  /** Saves up to deadline + graceMs count. */
  graceMs: number;
  /** Kraepelin entries count up to a column's close + speedGraceMs (present when the exam has speed items). */
  speedGraceMs?: number;
}

/** The signed result document of one attempt. */
export interface ResultDoc {
  attemptId: string;
  pseudonym: string;
  sessionId: string;
  examId: string;
  examVersion: number;
  formationId: string;
  formationType: string;
  sections: Record<string, number>;
  total: number;
  passed: boolean | null;
  receipt: string;
}

/** The result document of a stored result under its pseudonym: what is signed at finalize and in bundles. */
export const resultDocOf = (
  r: Omit<ResultDoc, 'pseudonym' | 'receipt'> & { logHash: string },
  pseudonym: string,
): ResultDoc => ({
  attemptId: r.attemptId,
  pseudonym,
  sessionId: r.sessionId,
  examId: r.examId,
  examVersion: r.examVersion,
  formationId: r.formationId,
  formationType: r.formationType,
  sections: r.sections,
  total: r.total,
  passed: r.passed,
  receipt: r.logHash,
});

export interface BundleAttempt {
  attemptId: string;
  pseudonym: string;
  sessionId: string;
  formationId: string;
  formationType: string;
  seed: string;
  startedAt: number;
  /** Base duration including accommodations, ms. */
  durationMs: number;
  steps: Step[];
  result: Signed<ResultDoc>;
  /** The regrades the current result applies (sorted); absent or [] = scored with the served items. */
  regradeIds?: string[];
  /** Earlier scores of the attempt, oldest first, each replaced by a regrade that changed the score. */
  previous?: PreviousScore[];
  /** Only in a personal bundle: the psych scores of a PSYCH exam's attempt, signed (never published). */
  psych?: Signed<PsychDoc>;
  /** Only in a personal bundle. */
  regNo?: string;
}

/** The psych scores of one attempt (domain/psych/attempt.ts scorePsych), under its pseudonym. */
export interface PsychDoc extends PsychResult {
  attemptId: string;
  pseudonym: string;
  examId: string;
  examVersion: number;
}

/** An appeal as carried in a personal bundle (domain/appeal.ts), with the attempt's pseudonym. */
export interface BundleAppeal extends Appeal {
  pseudonym: string;
}

/** One day of the admin audit log as carried in a personal bundle. */
export interface BundleAuditDay {
  day: string;
  entries: AuditEntry[];
}

/** Read access to a bundle's files (text). */
export interface BundleFiles {
  read(path: string): string | undefined;
}
