// Every key shape of the single table, its GSIs, and the S3 prefixes. The one place a key is spelled.

export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  gsi2: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
} as const;

/** Every attribute that is a table or index key (all strings), in key-schema order. */
export const KEY_ATTRIBUTES: readonly string[] = [
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  TABLE_KEYS.gsi1.partitionKey,
  TABLE_KEYS.gsi1.sortKey,
  TABLE_KEYS.gsi2.partitionKey,
  TABLE_KEYS.gsi2.sortKey,
];

const pad = (n: number, width: number): string => {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`key number must be a non-negative integer: ${n}`);
  const s = String(n);
  if (s.length > width) throw new RangeError(`key number ${n} exceeds ${width} digits`);
  return s.padStart(width, '0');
};

export const DEVICE_EPOCH_WIDTH = 4;
export const CLIENT_SEQ_WIDTH = 10;
export const TIME_WIDTH = 13;
export const EXAM_VERSION_WIDTH = 6;

export const keys = {
  exam: (examId: string) => ({ PK: `EXAM#${examId}`, SK: 'META' }),
  examSection: (examId: string, n: number) => ({ PK: `EXAM#${examId}`, SK: `SECTION#${pad(n, 3)}` }),
  /** One version of an exam, kept whole and unchanged once it has attempts (sessions name a version). */
  examVersion: (examId: string, version: number) => ({
    PK: `EXAM#${examId}`,
    SK: `VERSION#${pad(version, EXAM_VERSION_WIDTH)}`,
  }),
  examVersionsPrefix: (examId: string) => ({ PK: `EXAM#${examId}`, SKPrefix: 'VERSION#' }),
  /** Exams for the console's list (a summary of the latest version), one partition. */
  examListEntry: (examId: string) => ({ PK: 'EXAMS', SK: `EXAM#${examId}` }),
  examList: () => ({ PK: 'EXAMS', SKPrefix: 'EXAM#' }),
  bankItem: (bankId: string, category: string, itemId: string) => ({
    PK: `BANK#${bankId}`,
    SK: `ITEM#${category}#${itemId}`,
  }),
  bankCategoryPrefix: (bankId: string, category: string) => ({
    PK: `BANK#${bankId}`,
    SKPrefix: `ITEM#${category}#`,
  }),
  bankPrefix: (bankId: string) => ({ PK: `BANK#${bankId}`, SKPrefix: 'ITEM#' }),
  /** The bank's current snapshot (what an import made last). */
  bankHead: (bankId: string) => ({ PK: `BANK#${bankId}`, SK: 'HEAD' }),
  /** A snapshot the bank has had (written once, after the snapshot is complete): the bank's snapshot list. */
  bankSnapshotEntry: (bankId: string, snapshotId: string) => ({
    PK: `BANK#${bankId}`,
    SK: `SNAP#${snapshotId}`,
  }),
  bankSnapshotsPrefix: (bankId: string) => ({ PK: `BANK#${bankId}`, SKPrefix: 'SNAP#' }),
  /** Banks for the console's list (id and current snapshot), one partition. */
  bankListEntry: (bankId: string) => ({ PK: 'BANKS', SK: `BANK#${bankId}` }),
  bankList: () => ({ PK: 'BANKS', SKPrefix: 'BANK#' }),
  /** Items of an immutable, content-addressed bank snapshot; its META is written last. */
  snapshotItem: (snapshotId: string, category: string, itemId: string) => ({
    PK: `SNAP#${snapshotId}`,
    SK: `ITEM#${category}#${itemId}`,
  }),
  snapshotMeta: (snapshotId: string) => ({ PK: `SNAP#${snapshotId}`, SK: 'META' }),
  snapshotPartition: (snapshotId: string) => ({ PK: `SNAP#${snapshotId}` }),
  session: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: 'META' }),
  /** Session secret lives in its own item so listing sessions never reads it. */
  sessionSecret: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: 'SECRET' }),
  rosterEntry: (sessionId: string, regNo: string) => ({ PK: `SESSION#${sessionId}`, SK: `CAND#${regNo}` }),
  rosterPrefix: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SKPrefix: 'CAND#' }),
  /** Sessions a registration number is on the roster of (login finds the open one). */
  candidateSession: (regNo: string, sessionId: string) => ({
    PK: `REG#${regNo}`,
    SK: `SESSION#${sessionId}`,
  }),
  candidateSessionsPrefix: (regNo: string) => ({ PK: `REG#${regNo}`, SKPrefix: 'SESSION#' }),
  sessionList: () => ({ PK: 'SESSIONS', SKPrefix: 'SESSION#' }),
  sessionListEntry: (opensAt: number, sessionId: string) => ({
    PK: 'SESSIONS',
    SK: `SESSION#${pad(opensAt, TIME_WIDTH)}#${sessionId}`,
  }),
  attempt: (attemptId: string) => ({ PK: `ATTEMPT#${attemptId}`, SK: 'META' }),
  /** Candidate step: (device epoch, client seq) zero-padded so SK order = (epoch, seq) order. */
  clientStep: (attemptId: string, deviceEpoch: number, clientSeq: number) => ({
    PK: `ATTEMPT#${attemptId}`,
    SK: `STEP#${pad(deviceEpoch, DEVICE_EPOCH_WIDTH)}#${pad(clientSeq, CLIENT_SEQ_WIDTH)}`,
  }),
  /** Lifecycle step written by the server: ordered by server time, unique by a nonce. */
  serverStep: (attemptId: string, at: number, nonce: string) => ({
    PK: `ATTEMPT#${attemptId}`,
    SK: `EVT#${pad(at, TIME_WIDTH)}#${nonce}`,
  }),
  attemptResult: (attemptId: string) => ({ PK: `ATTEMPT#${attemptId}`, SK: 'RESULT' }),
  attemptStepsPrefix: (attemptId: string) => ({ PK: `ATTEMPT#${attemptId}` }),
  /**
   * GSI1 on the attempt META: attempts of a session (monitor, sweeper), in registration-number order like the
   * roster (`CAND#regNo`) and the room progress (`A#regNo`), so a monitor page is one range of each.
   */
  attemptBySession: (sessionId: string, regNo: string) => ({
    GSI1PK: `SESSION#${sessionId}`,
    GSI1SK: `CAND#${regNo}`,
  }),
  /** GSI2 on the attempt RESULT: results of a formation, sorted for ranking (score sort key). */
  resultByFormation: (formationId: string, scoreSortKey: string) => ({
    GSI2PK: `FORMATION#${formationId}`,
    GSI2SK: scoreSortKey,
  }),
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: 'META' }),
  /** Staff directory: a copy of each account without its password hash, one partition for listing. */
  userListEntry: (userId: string) => ({ PK: 'USERS', SK: `USER#${userId}` }),
  userList: () => ({ PK: 'USERS', SKPrefix: 'USER#' }),
  /** Audit entry n of a UTC day's hash chain: the seq claims the slot (conditional put), so the chain never forks. */
  auditEntry: (day: string, seq: number) => ({ PK: `AUDIT#${day}`, SK: `E#${pad(seq, AUDIT_SEQ_WIDTH)}` }),
  auditDayPrefix: (day: string) => ({ PK: `AUDIT#${day}`, SKPrefix: 'E#' }),
  /** An audited operation by idempotency key: the intent (claimed first) and, once chained, its day and seq. */
  auditOperation: (opId: string) => ({ PK: `AUDITOP#${opId}`, SK: 'META' }),
  /** Formations (position × agency unit × formation type) of the recruitment, one partition for listing. */
  formation: (formationId: string) => ({ PK: 'FORMATIONS', SK: `FORMATION#${formationId}` }),
  formationList: () => ({ PK: 'FORMATIONS', SKPrefix: 'FORMATION#' }),
  /**
   * Candidate rows of one import, packed a few hundred per item in regNo order (10,000 rows = a few dozen
   * writes); invisible until the CANDIDATES pointer names the import.
   */
  importChunk: (importId: string, n: number) => ({ PK: `CANDSET#${importId}`, SK: `CHUNK#${pad(n, 6)}` }),
  importChunksPrefix: (importId: string) => ({ PK: `CANDSET#${importId}`, SKPrefix: 'CHUNK#' }),
  /** Import id of the candidate set in force: flipped last, after every row of the import is written. */
  candidatesPointer: () => ({ PK: 'CANDIDATES', SK: 'CURRENT' }),
  /** Login rate limit of one (login key, client address) in one window; kind = candidate | staff. */
  loginLimitPair: (kind: string, key: string, window: number, address: string) => ({
    PK: `LIMIT#${kind}#K#${key}`,
    SK: `W#${pad(window, TIME_WIDTH)}#A#${address}`,
  }),
  /** Failures of one login key over all addresses in one window (same partition as its pairs: one unlock query). */
  loginLimitKey: (kind: string, key: string, window: number) => ({
    PK: `LIMIT#${kind}#K#${key}`,
    SK: `W#${pad(window, TIME_WIDTH)}#KEY`,
  }),
  /** Attempts from one client address over all keys in one window. */
  loginLimitAddress: (kind: string, address: string, window: number) => ({
    PK: `LIMIT#${kind}#A#${address}`,
    SK: `W#${pad(window, TIME_WIDTH)}`,
  }),
  /** Version pointer of a publication: the highest claimed version and the latest completed one. */
  publicationPointer: (pubId: string) => ({ PK: `PUBLICATION#${pubId}`, SK: 'POINTER' }),
  /** Psych norm settings of an exam: the norm group its reports use (candidates or an imported table), cut-offs. */
  psychNorms: (examId: string) => ({ PK: `PSYCHNORMS#${examId}`, SK: 'CURRENT' }),
  /** SKB settings of an exam (mode, component weights, final weights, tie-breaks). */
  skbConfig: (examId: string) => ({ PK: `SKB#${examId}`, SK: 'CONFIG' }),
  /** The SKB score import in force for an exam: flipped last, after every chunk of the import is written. */
  skbPointer: (examId: string) => ({ PK: `SKB#${examId}`, SK: 'CURRENT' }),
  /** SKB score rows of one import, a few hundred per item; invisible until the pointer names the import. */
  skbChunk: (examId: string, importId: string, n: number) => ({
    PK: `SKB#${examId}`,
    SK: `SET#${importId}#CHUNK#${pad(n, 6)}`,
  }),
  skbChunksPrefix: (examId: string, importId: string) => ({
    PK: `SKB#${examId}`,
    SKPrefix: `SET#${importId}#CHUNK#`,
  }),
  /** An open push connection (WebSocket) of an attempt's page; expires by TTL, deleted when found gone. */
  pushConnection: (attemptId: string, connectionId: string) => ({
    PK: `PUSH#${attemptId}`,
    SK: `CONN#${connectionId}`,
  }),
  pushConnectionsOf: (attemptId: string) => ({ PK: `PUSH#${attemptId}`, SKPrefix: 'CONN#' }),
  /**
   * Room-monitor progress of one candidate's attempt (answered count, last save), written at most once per
   * attempt per 60 s from the save path; one partition per session in regNo order (like the roster), so a
   * monitor page reads one range of it.
   */
  roomProgress: (sessionId: string, regNo: string) => ({ PK: `ROOM#${sessionId}`, SK: `A#${regNo}` }),
  roomProgressPartition: (sessionId: string) => ({ PK: `ROOM#${sessionId}`, SKPrefix: 'A#' }),
  /** An appeal (sanggahan) of one attempt: one per attempt, all in one partition (few, listed whole). */
  appeal: (attemptId: string) => ({ PK: 'APPEALS', SK: `APPEAL#${attemptId}` }),
  appealList: () => ({ PK: 'APPEALS', SKPrefix: 'APPEAL#' }),
  loginLimitsOfKey: (kind: string, key: string) => ({ PK: `LIMIT#${kind}#K#${key}` }),
  loginLimitsOfAddress: (kind: string, address: string) => ({ PK: `LIMIT#${kind}#A#${address}` }),
} as const;

export const AUDIT_SEQ_WIDTH = 10;

/** Scores in the GSI2 sort key: fixed point with 3 decimals, inverted so that higher sorts first. */
export const SCORE_WIDTH = 9;
const SCORE_SCALE = 1000;
/** Section ids that break ties on equal totals, in order (SKD: TKP, then TIU, then TWK). */
export const RANK_TIE_BREAK: readonly string[] = ['TKP', 'TIU', 'TWK'];

const invertedScore = (score: number): string => {
  const fixed = Math.round(score * SCORE_SCALE);
  const max = 10 ** SCORE_WIDTH - 1;
  if (!Number.isFinite(score) || fixed < 0 || fixed > max)
    throw new RangeError(`score out of range for the sort key: ${score}`);
  return pad(max - fixed, SCORE_WIDTH);
};

/**
 * GSI2 sort key of a result. An ascending Query on GSI2 ranks: passing candidates first (`0` before `1`;
 * `passed: null` counts as not passing), then higher total, then higher TKP, TIU, TWK (RANK_TIE_BREAK;
 * a missing section counts as 0). Scores are inverted zero-padded fixed-point numbers
 * (999999999 - round(score * 1000)), so descending scores sort ascending as strings. The attempt id
 * closes the key so equal scores still have a stable order (the ranking treats them as tied).
 * Example: passed, total 450, TKP 180, TIU 150, TWK 120 ->
 * `R#0#999549999#999819999#999849999#999879999#<attemptId>`.
 */
export const resultScoreSortKey = (r: {
  passed: boolean | null;
  total: number;
  sections: Readonly<Record<string, number>>;
  attemptId: string;
}): string =>
  [
    'R',
    r.passed === true ? '0' : '1',
    invertedScore(r.total),
    ...RANK_TIE_BREAK.map((s) => invertedScore(r.sections[s] ?? 0)),
    r.attemptId,
  ].join('#');

/** S3 key prefixes. */
export const s3Prefixes = {
  published: 'published/',
  audit: 'audit/',
  web: 'web/',
  itemImages: 'items/',
} as const;

/** A key as a builder returns it: table keys, GSI keys, or a partition + sort-key prefix for a Query. */
export type BuiltKey = Readonly<Record<string, string>>;

/**
 * Access patterns, as documented in docs/architecture.md. A test renders this table and compares it with
 * the doc, and checks each row's `built` keys (made by the builders of `keys`) against its documented
 * `key`; every builder of `keys` must appear in some row's `built`, so neither the doc nor a builder can
 * drift unseen. In `key`: UPPERCASE = literal, `name` = any value without `#`, `name(n)` = n digits,
 * `nnn` = 3 digits, `inv(x)` = an inverted score, `a|b` = one of, ` / ` separates sort-key alternatives.
 */
export const accessPatterns: ReadonlyArray<{
  pattern: string;
  key: string;
  built: (k: typeof keys) => BuiltKey[];
}> = [
  {
    pattern: 'exam definition, sections',
    key: 'PK=EXAM#id, SK=META / SECTION#nnn',
    built: (k) => [k.exam('e1'), k.examSection('e1', 7)],
  },
  {
    pattern: 'exam versions (whole definition each)',
    key: 'PK=EXAM#id, SK=VERSION#version(6)',
    built: (k) => [k.examVersion('e1', 2), k.examVersionsPrefix('e1')],
  },
  {
    pattern: 'exams (list)',
    key: 'PK=EXAMS, SK=EXAM#id',
    built: (k) => [k.examListEntry('e1'), k.examList()],
  },
  {
    pattern: 'items of a bank by category',
    key: 'PK=BANK#id, SK=ITEM#category#itemId',
    built: (k) => [k.bankItem('b1', 'TWK', 'twk-001'), k.bankCategoryPrefix('b1', 'TWK'), k.bankPrefix('b1')],
  },
  { pattern: 'current snapshot of a bank', key: 'PK=BANK#id, SK=HEAD', built: (k) => [k.bankHead('b1')] },
  {
    pattern: 'snapshots a bank has had',
    key: 'PK=BANK#id, SK=SNAP#snapshotId',
    built: (k) => [k.bankSnapshotEntry('b1', 'ab12'), k.bankSnapshotsPrefix('b1')],
  },
  {
    pattern: 'banks (list)',
    key: 'PK=BANKS, SK=BANK#id',
    built: (k) => [k.bankListEntry('b1'), k.bankList()],
  },
  {
    pattern: 'bank snapshot (immutable, SHA-256 id)',
    key: 'PK=SNAP#snapshotId, SK=META / ITEM#category#itemId',
    built: (k) => [
      k.snapshotMeta('ab12'),
      k.snapshotItem('ab12', 'TWK', 'twk-001'),
      k.snapshotPartition('ab12'),
    ],
  },
  {
    pattern: 'session + secret + roster',
    key: 'PK=SESSION#id, SK=META / SECRET / CAND#regNo',
    built: (k) => [k.session('s1'), k.sessionSecret('s1'), k.rosterEntry('s1', 'R-1'), k.rosterPrefix('s1')],
  },
  {
    pattern: 'sessions of a candidate (login)',
    key: 'PK=REG#regNo, SK=SESSION#id',
    built: (k) => [k.candidateSession('R-1', 's1'), k.candidateSessionsPrefix('R-1')],
  },
  {
    pattern: 'sessions by opening time',
    key: 'PK=SESSIONS, SK=SESSION#opensAt#id',
    built: (k) => [k.sessionListEntry(1_780_000_000_000, 's1'), k.sessionList()],
  },
  {
    pattern: 'attempt meta + result',
    key: 'PK=ATTEMPT#id, SK=META / RESULT',
    built: (k) => [k.attempt('a1'), k.attemptResult('a1'), k.attemptStepsPrefix('a1')],
  },
  {
    pattern: 'candidate steps (idempotent)',
    key: 'PK=ATTEMPT#id, SK=STEP#epoch(4)#clientSeq(10)',
    built: (k) => [k.clientStep('a1', 2, 17)],
  },
  {
    pattern: 'lifecycle steps (server)',
    key: 'PK=ATTEMPT#id, SK=EVT#time(13)#nonce',
    built: (k) => [k.serverStep('a1', 1_780_000_000_000, 'n1')],
  },
  {
    pattern: 'attempts of a session (monitor)',
    key: 'GSI1 PK=SESSION#id, SK=CAND#regNo',
    built: (k) => [k.attemptBySession('s1', 'R-1')],
  },
  {
    pattern: 'results of a formation (ranking)',
    key: 'GSI2 PK=FORMATION#id, SK=R#pass(0|1)#inv(total)#inv(TKP)#inv(TIU)#inv(TWK)#attemptId',
    built: (k) => [
      k.resultByFormation(
        'f1',
        resultScoreSortKey({
          passed: true,
          total: 450,
          sections: { TKP: 180, TIU: 150, TWK: 120 },
          attemptId: 'a1',
        }),
      ),
    ],
  },
  { pattern: 'user credentials', key: 'PK=USER#id, SK=META', built: (k) => [k.user('u1')] },
  {
    pattern: 'staff directory (no password hashes)',
    key: 'PK=USERS, SK=USER#id',
    built: (k) => [k.userListEntry('u1'), k.userList()],
  },
  {
    pattern: 'audit log of admin actions (hash chain per day)',
    key: 'PK=AUDIT#day, SK=E#seq(10)',
    built: (k) => [k.auditEntry('2026-11-27', 42), k.auditDayPrefix('2026-11-27')],
  },
  {
    pattern: 'audited operation by idempotency key',
    key: 'PK=AUDITOP#opId, SK=META',
    built: (k) => [k.auditOperation('op1')],
  },
  {
    pattern: 'formations',
    key: 'PK=FORMATIONS, SK=FORMATION#id',
    built: (k) => [k.formation('f1'), k.formationList()],
  },
  {
    pattern: 'candidates of one import (rows packed per chunk)',
    key: 'PK=CANDSET#importId, SK=CHUNK#n(6)',
    built: (k) => [k.importChunk('i1', 7), k.importChunksPrefix('i1')],
  },
  {
    pattern: 'candidate set in force (pointer)',
    key: 'PK=CANDIDATES, SK=CURRENT',
    built: (k) => [k.candidatesPointer()],
  },
  {
    pattern: 'push connections of an attempt (TTL)',
    key: 'PK=PUSH#attemptId, SK=CONN#connectionId',
    built: (k) => [k.pushConnection('a1', 'c1'), k.pushConnectionsOf('a1')],
  },
  {
    pattern: 'room-monitor progress of a session (answered, last save)',
    key: 'PK=ROOM#sessionId, SK=A#regNo',
    built: (k) => [k.roomProgress('s1', 'R-1'), k.roomProgressPartition('s1')],
  },
  {
    pattern: 'appeals (one per attempt)',
    key: 'PK=APPEALS, SK=APPEAL#attemptId',
    built: (k) => [k.appeal('a1'), k.appealList()],
  },
  {
    pattern: 'login limits of a name (per address, total)',
    key: 'PK=LIMIT#kind#K#name, SK=W#window(13)#A#address / W#window(13)#KEY',
    built: (k) => [
      k.loginLimitPair('candidate', 'R-1', 0, '10.0.0.1'),
      k.loginLimitKey('candidate', 'R-1', 0),
      k.loginLimitsOfKey('candidate', 'R-1'),
    ],
  },
  {
    pattern: 'publication version pointer (claimed, latest)',
    key: 'PK=PUBLICATION#id, SK=POINTER',
    built: (k) => [k.publicationPointer('skd-2026')],
  },
  {
    pattern: 'psych norm settings of an exam',
    key: 'PK=PSYCHNORMS#examId, SK=CURRENT',
    built: (k) => [k.psychNorms('psych-demo')],
  },
  {
    pattern: 'SKB settings, import in force, score rows per chunk',
    key: 'PK=SKB#examId, SK=CONFIG / CURRENT / SET#importId#CHUNK#n(6)',
    built: (k) => [
      k.skbConfig('skd-2026'),
      k.skbPointer('skd-2026'),
      k.skbChunk('skd-2026', 'i1', 3),
      k.skbChunksPrefix('skd-2026', 'i1'),
    ],
  },
  {
    pattern: 'login limits of a client address',
    key: 'PK=LIMIT#kind#A#address, SK=W#window(13)',
    built: (k) => [
      k.loginLimitAddress('staff', '2001:db8::1', 0),
      k.loginLimitsOfAddress('staff', '2001:db8::1'),
    ],
  },
];
