// The store's surface as the api and jobs see it: one repository per aggregate, created by createStore().
import type { Appeal } from '../domain/appeal.ts';
import type { AttemptMeta, RosterEntry, Session } from '../domain/attempt.ts';
import type { AuditEntry, AuditIntent } from '../domain/audit-log.ts';
import type { Exam, ScoringCorrections } from '../domain/exam.ts';
import type { Item } from '../domain/items.ts';
import type { Cutoffs, NormTable } from '../domain/psych/norms.ts';
import type { CandidateRecord, CandidatesPointer, Formation } from '../domain/registry.ts';
import type { PreviousScore } from '../domain/regrade.ts';
import type { Signature } from '../domain/signature.ts';
import type { SkbScoreRow, SkbSettings } from '../domain/skb.ts';
import type { BankSnapshot } from '../domain/snapshot.ts';
import type { Step } from '../domain/steps.ts';
import type { LoginLimitRepo } from './login-limits.ts';
import type { PushConnectionRepo } from './push-connections.ts';

export interface StoreConfig {
  tableName: string;
  region: string;
  /** Local endpoint (dynalite); omitted on AWS. */
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  publicBucket: string;
  auditBucket: string;
  /** Static credentials for local endpoints; omitted on AWS (role credentials). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface StaffUser {
  id: string;
  name: string;
  role: 'admin' | 'proctor' | 'auditor';
  /** scrypt$N$r$p$saltB64$hashB64 */
  passwordHash: string;
  /** A disabled account cannot sign in. */
  disabled?: boolean;
}

export type StaffDirectoryEntry = Omit<StaffUser, 'passwordHash'>;

/**
 * A stored result: the attempt it scores (as its META names it), section scores derived by replay, plus the
 * final hash of the step log.
 */
export interface StoredResult
  extends Pick<
    AttemptMeta,
    'attemptId' | 'sessionId' | 'examId' | 'examVersion' | 'regNo' | 'formationId' | 'formationType'
  > {
  sections: Record<string, number>;
  total: number;
  passed: boolean | null;
  logHash: string;
  submittedAt: number;
  /**
   * What the scorer saw of the current device's steps: the highest seq, and whether every seq 1..lastSeq was
   * there. With no gap, a save that lands later (a straggler) can only have a higher seq, so the sweep finds
   * it with one Limit-1 Query instead of re-reading and replaying the log. Absent on older results.
   */
  logTail?: { deviceEpoch: number; lastSeq: number; contiguous: boolean };
  /** The regrades (services/regrade.ts) this score applies, sorted; absent = scored with the pinned keys. */
  regradeIds?: string[];
  /** Earlier scores of this attempt, oldest first, each replaced by a regrade that changed the score. */
  previous?: PreviousScore[];
  /**
   * Ed25519 signature (with key id) over the result document (domain/bundle.ts resultDocOf: this result under
   * the candidate's pseudonym), made when the result was derived; absent when no publication keys were set.
   */
  signature?: Signature;
}

/** Who made an exam version and when (absent on versions written by seeding or before versions were kept). */
export interface ExamVersionInfo {
  createdAt?: number;
  createdBy?: string;
}

export interface ExamVersionRecord extends ExamVersionInfo {
  exam: Exam;
}

/** An exam in the list: its latest version's id, title and scheme. */
export interface ExamSummary {
  id: string;
  title: string;
  scheme: Exam['scheme'];
  version: number;
  updatedAt?: number;
}

export interface ExamRepo {
  /** Writes `exam` as its version (replacing it) and as the latest version, and the list entry. */
  put(exam: Exam, info?: ExamVersionInfo): Promise<void>;
  /** Like put, but only when that version does not exist yet (a taken version -> DomainError CONFLICT). */
  createVersion(exam: Exam, info: ExamVersionInfo): Promise<void>;
  /**
   * The latest version, or the given one. Scoring corrections (regrades) belong to the exam, keyed by pinned
   * snapshot, so every version carries the exam's current ones.
   */
  get(examId: string, version?: number): Promise<Exam | undefined>;
  /** Every version, oldest first ([] for an unknown exam). */
  versions(examId: string): Promise<ExamVersionRecord[]>;
  list(): Promise<ExamSummary[]>;
  /** Replaces the exam's scoring corrections only (no version is rewritten). Unknown exam -> NOT_FOUND. */
  setCorrections(examId: string, corrections: ScoringCorrections): Promise<void>;
}

/** A snapshot a bank has had: counts for the console, and when and how it was made (when known). */
export interface SnapshotSummary {
  snapshotId: string;
  bankId: string;
  itemCount: number;
  byCategory: Record<string, number>;
  createdAt?: number;
  /** import | regrade | seed | initial (the bank's first use without an import) */
  origin?: string;
}

export interface BankSummary {
  bankId: string;
  /** The current snapshot (what starting attempts draw from unless their exam pins another). */
  head: string;
  updatedAt?: number;
}

export interface BankRepo {
  /** Writes items in batches of 25; all or an error (caller validates first). */
  putItems(items: Item[]): Promise<void>;
  list(bankId: string): Promise<Item[]>;
  listByCategory(bankId: string, category: string): Promise<Item[]>;
  /**
   * Writes an immutable snapshot (items, then META, then the bank's list entry of it, which keeps its first
   * `createdAt`). Idempotent: the id is the hash of the items.
   */
  putSnapshot(snapshot: BankSnapshot, info?: { createdAt?: number; origin?: string }): Promise<void>;
  /** The snapshots the bank has had, oldest first (those without a time first). */
  listSnapshots(bankId: string): Promise<SnapshotSummary[]>;
  /** A complete snapshot (items sorted by id), or undefined. */
  getSnapshot(snapshotId: string): Promise<BankSnapshot | undefined>;
  /** Points the bank at its current snapshot (the last import's) and lists the bank. */
  setHead(bankId: string, snapshotId: string, at?: number): Promise<void>;
  head(bankId: string): Promise<string | undefined>;
  /** Every bank that has a current snapshot. */
  listBanks(): Promise<BankSummary[]>;
}

export interface SessionRepo {
  /** Creates the session META, its SECRET item and the SESSIONS list entry. Duplicate -> DomainError DUPLICATE. */
  create(session: Session, secret: string): Promise<void>;
  /** Create or complete the same session (same commitment and secret): replayable seeding. Other -> DUPLICATE. */
  ensure(session: Session, secret: string): Promise<void>;
  get(sessionId: string): Promise<Session | undefined>;
  getSecret(sessionId: string): Promise<string | undefined>;
  list(limit?: number): Promise<Session[]>;
  /** Sessions with fromMs <= opensAt <= toMs, oldest first: one range Query on the SESSIONS sort key. */
  listOpeningBetween(fromMs: number, toMs: number): Promise<Session[]>;
  setPinsReleased(sessionId: string, released: boolean): Promise<void>;
  /** Replaces META and the list entry (moving it when opensAt changed). Unknown session -> NOT_FOUND. */
  update(session: Session, previousOpensAt: number): Promise<void>;
  /** Sets one roster entry's PIN hash. Unknown entry -> NOT_FOUND. */
  setRosterPin(sessionId: string, regNo: string, pinHash: string): Promise<void>;
  /** Writes roster entries and the REG#regNo -> session lookup items. */
  putRoster(entries: RosterEntry[]): Promise<void>;
  getRosterEntry(sessionId: string, regNo: string): Promise<RosterEntry | undefined>;
  listRoster(sessionId: string): Promise<RosterEntry[]>;
  /** Up to `limit` roster entries after `afterRegNo` (regNo order; one Query request). */
  rosterPage(sessionId: string, afterRegNo: string | undefined, limit: number): Promise<RosterEntry[]>;
  /** Session ids whose roster includes regNo. */
  sessionsOfCandidate(regNo: string): Promise<string[]>;
}

export type StoredClientStep = Step & { deviceEpoch: number; clientSeq: number };

export interface AttemptRepo {
  /**
   * Conditional create (attribute_not_exists). Existing -> DomainError ALREADY_STARTED. The META item carries
   * the attempt's `started` step (startedStepOf(meta)), which readSteps lists with the log: one write starts
   * an attempt, and no META exists without its started step.
   */
  create(meta: AttemptMeta): Promise<void>;
  get(attemptId: string, consistent?: boolean): Promise<AttemptMeta | undefined>;
  /**
   * Conditional on meta.version === expectedVersion and on the stored started step being the one the META
   * implies (it is never rewritten to another); writes version+1. Mismatch -> DomainError CONFLICT.
   */
  update(meta: AttemptMeta, expectedVersion: number): Promise<AttemptMeta>;
  /**
   * Conditional put per step (attribute_not_exists(SK)). 'duplicate' when that (epoch, seq) is already recorded
   * with the same content (a retry: safe to acknowledge); 'conflict' when it is recorded with other content or
   * was recorded as rejected (must NOT be acknowledged as saved).
   */
  appendClientStep(attemptId: string, step: StoredClientStep): Promise<'written' | 'duplicate' | 'conflict'>;
  /** Lifecycle step keyed by server time + nonce. */
  appendServerStep(attemptId: string, step: Step): Promise<void>;
  /** All steps (the META's started step, server and client steps), strongly consistent, in SK order. */
  readSteps(attemptId: string): Promise<Step[]>;
  /** Whether a client step of `deviceEpoch` with a seq above `afterSeq` is stored: one Limit-1 range Query. */
  hasClientStepAfter(attemptId: string, deviceEpoch: number, afterSeq: number): Promise<boolean>;
  listBySession(sessionId: string): Promise<AttemptMeta[]>;
  /** Attempts of a session whose registration numbers lie in [from, to] (GSI1, one range: a monitor page). */
  listBySessionRange(sessionId: string, fromRegNo: string, toRegNo: string): Promise<AttemptMeta[]>;
  putResult(result: StoredResult): Promise<void>;
  getResult(attemptId: string): Promise<StoredResult | undefined>;
  /** Results of many attempts, 100 keys per BatchGetItem (strongly consistent); absent ones are left out. */
  getResults(attemptIds: readonly string[]): Promise<Map<string, StoredResult>>;
  /** Results of a formation in ranking order (GSI2, ascending score sort key: see keys.resultScoreSortKey). */
  listResultsByFormation(formationId: string): Promise<StoredResult[]>;
}

export interface UserRepo {
  put(user: StaffUser): Promise<void>;
  /** Conditional create: an existing id -> DomainError DUPLICATE. */
  create(user: StaffUser): Promise<void>;
  get(userId: string): Promise<StaffUser | undefined>;
  /** Every account, without password hashes. */
  list(): Promise<StaffDirectoryEntry[]>;
}

export interface FormationRepo {
  put(formation: Formation): Promise<void>;
  /** Batches of 25; replaces formations with the same id. */
  putMany(formations: Formation[]): Promise<void>;
  get(formationId: string): Promise<Formation | undefined>;
  list(): Promise<Formation[]>;
}

export interface CandidateRepo {
  /**
   * Writes chunks of one import (chunk n holds its rows; a few hundred per chunk keeps an item far below
   * 400 KB). Idempotent for the same chunks; invisible until setPointer names the import.
   */
  putImportChunks(importId: string, chunks: Array<{ n: number; rows: CandidateRecord[] }>): Promise<void>;
  listImport(importId: string): Promise<CandidateRecord[]>;
  /** Rows of chunks from..to (inclusive) of one import, in regNo order: one Query, whatever the import's size. */
  readChunks(importId: string, from: number, to: number): Promise<CandidateRecord[]>;
  getPointer(): Promise<CandidatesPointer | undefined>;
  /** The one write that makes an import the candidate set in force. */
  setPointer(pointer: CandidatesPointer): Promise<void>;
  /** Rows of the import the pointer names, in chunk order ([] before any import). */
  listCurrent(): Promise<CandidateRecord[]>;
}

/** An audited operation: the intent as claimed, and where it sits in the chain once appended. */
export interface AuditOperation {
  intent: AuditIntent;
  day?: string;
  seq?: number;
}

export interface AuditRepo {
  /** Conditional put of the intent under its idempotency key: false when the key is already claimed. */
  claimOperation(intent: AuditIntent): Promise<boolean>;
  getOperation(opId: string): Promise<AuditOperation | undefined>;
  markChained(opId: string, day: string, seq: number): Promise<void>;
  /** The day's last entry (strongly consistent), undefined for an empty day. */
  tail(day: string): Promise<AuditEntry | undefined>;
  /** Conditional put on (day, seq): false when another entry already holds that seq. */
  appendEntry(entry: AuditEntry): Promise<boolean>;
  getEntry(day: string, seq: number): Promise<AuditEntry | undefined>;
  listDay(day: string): Promise<AuditEntry[]>;
}

/** The SKB import in force for an exam: which import, its mode, how many rows, when and by whom. */
export interface SkbImportPointer {
  importId: string;
  mode: SkbSettings['mode'];
  rows: number;
  at: number;
  by: string;
}

export interface SkbRepo {
  getSettings(examId: string): Promise<SkbSettings | undefined>;
  putSettings(examId: string, settings: SkbSettings): Promise<void>;
  /** Idempotent for the same chunks; invisible until setPointer names the import. */
  putImportChunks(
    examId: string,
    importId: string,
    chunks: Array<{ n: number; rows: SkbScoreRow[] }>,
  ): Promise<void>;
  getPointer(examId: string): Promise<SkbImportPointer | undefined>;
  /** The one write that makes an import the SKB scores in force. */
  setPointer(examId: string, pointer: SkbImportPointer): Promise<void>;
  /** Rows of the import in force ([] before any). */
  listCurrent(examId: string): Promise<SkbScoreRow[]>;
}

/** A publication's version state: the highest version number claimed, and the latest completed pointer. */
export interface PublicationState {
  claimed: number;
  latest?: unknown;
}

export interface PublicationPointerRepo {
  get(pubId: string): Promise<PublicationState>;
  /** Conditional: claims `next` only when the highest claimed is still `seen`; false when another publisher moved. */
  claim(pubId: string, seen: number, next: number): Promise<boolean>;
  /** Conditional: sets the latest pointer only when `version` is newer than the stored one. */
  advance(pubId: string, version: number, pointer: object): Promise<boolean>;
}

/** Room-monitor progress of one attempt: its last login, then throttled writes from the save path. */
export interface RoomProgress {
  sessionId: string;
  /** Absent on items written before data format 4 (keyed by attempt id then). */
  regNo?: string;
  attemptId: string;
  /** Last candidate login (a logged-in candidate without an attempt shows as 'ready'). */
  loggedInAt?: number;
  /** Answered items as the candidate's device counted them with its save (display only; scores never use it). */
  answered?: number;
  lastSaveAt?: number;
}

export interface RoomRepo {
  recordLogin(p: { sessionId: string; regNo: string; attemptId: string; at: number }): Promise<void>;
  /**
   * Writes (answered, lastSaveAt) unless the stored lastSaveAt is newer than `notAfter` (another process wrote
   * within the throttle window): one conditional UpdateItem, no read; false when the condition held it back.
   */
  recordProgress(p: {
    sessionId: string;
    regNo: string;
    attemptId: string;
    answered: number;
    lastSaveAt: number;
    notAfter: number;
  }): Promise<boolean>;
  listProgress(sessionId: string): Promise<RoomProgress[]>;
  /** Progress items of the candidates whose registration numbers lie in [from, to] (one range: a monitor page). */
  listProgressRange(sessionId: string, fromRegNo: string, toRegNo: string): Promise<RoomProgress[]>;
}

export interface AppealRepo {
  create(appeal: Appeal): Promise<void>;
  get(attemptId: string): Promise<Appeal | undefined>;
  resolve(appeal: Appeal): Promise<void>;
  list(): Promise<Appeal[]>;
}

/** The norm settings of one psych exam (services/psych-norms.ts); absent = the exam's candidates, default cut-offs. */
export interface PsychNormSettings {
  examId: string;
  /** 'candidates': the finished attempts of the same session; 'table': the imported table below. */
  source: 'candidates' | 'table';
  table: NormTable | null;
  cutoffs: Cutoffs;
  setAt: number;
  setBy: string;
}

export interface PsychNormsRepo {
  get(examId: string): Promise<PsychNormSettings | undefined>;
  put(settings: PsychNormSettings): Promise<void>;
}

export interface Store {
  room: RoomRepo;
  appeals: AppealRepo;
  exams: ExamRepo;
  formations: FormationRepo;
  candidates: CandidateRepo;
  audit: AuditRepo;
  banks: BankRepo;
  sessions: SessionRepo;
  attempts: AttemptRepo;
  users: UserRepo;
  loginLimits: LoginLimitRepo;
  publications: PublicationPointerRepo;
  skb: SkbRepo;
  /** Open push connections of attempts' exam pages (proctor signals). */
  pushConnections: PushConnectionRepo;
  psychNorms: PsychNormsRepo;
  /** Creates the table (with GSIs) and buckets if absent. Idempotent. */
  ensure(): Promise<void>;
  /** Health probe: DescribeTable; returns 'ok' or throws. */
  ping(): Promise<'ok'>;
  /** S3 object access for published/ and audit/. */
  objects: {
    put(bucket: string, key: string, body: Buffer | string, contentType: string): Promise<void>;
    get(bucket: string, key: string): Promise<Buffer | undefined>;
    /** A presigned GET URL (SigV4 query signing; no request to S3 is made). */
    presignGet(bucket: string, key: string, expiresInSeconds: number): Promise<string>;
  };
  config: StoreConfig;
}
