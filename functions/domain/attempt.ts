// Attempt and session models: who sits which exam when; attempt state as cached in the META item.

export type AttemptState = 'ready' | 'running' | 'paused' | 'submitted' | 'expired';

export interface Session {
  id: string;
  examId: string;
  examVersion: number;
  title: string;
  site: string;
  /** Window in which candidates may start (ms since epoch). */
  opensAt: number;
  closesAt: number;
  capacity: number;
  /** SHA-256 (hex) of the session secret, published before the session opens (commit–reveal). */
  secretCommitment: string;
  /** Whether the admin has released PINs for login. */
  pinsReleased: boolean;
  /** Room at the site, and the site's time zone (WIB/WITA/WIT) in which every time is shown. */
  room?: string;
  timeZone?: 'WIB' | 'WITA' | 'WIT';
  /** Proctor user ids assigned to the session: a proctor sees and acts on these sessions only. */
  proctors?: string[];
  /** Set when an admin cancelled the session (no login, no start). */
  cancelledAt?: number;
  cancelReason?: string;
}

export interface RosterEntry {
  sessionId: string;
  regNo: string;
  name: string;
  formationId: string;
  formationType: string;
  /** HMAC-SHA-256(pepper, PIN), hex. */
  pinHash: string;
  /** Accommodation in minutes added to the duration (e.g. +30). */
  extraMinutes: number;
}

export interface AttemptMeta {
  attemptId: string;
  sessionId: string;
  examId: string;
  examVersion: number;
  regNo: string;
  formationId: string;
  formationType: string;
  /** Hex seed = HMAC-SHA-256(session secret, attemptId). */
  seed: string;
  /**
   * The bank snapshots this attempt's form, score and receipt come from (bankId -> snapshot id), fixed at
   * start: nothing imported later changes them. Absent only on attempts started before snapshots existed.
   */
  bankSnapshots?: Readonly<Record<string, string>>;
  state: AttemptState;
  startedAt: number;
  /** Base duration incl. accommodations, ms. */
  durationMs: number;
  extensionsMs: number;
  /**
   * Operation ids (Idempotency-Key) of the latest extensions, newest last, at most EXTENSION_OPS_KEPT: a retried
   * extension with one of these ids is already applied and adds no time again.
   */
  extensionOps?: readonly string[];
  pausedMs: number;
  /** Set while paused. */
  pausedAt?: number;
  deviceEpoch: number;
  /** Random id of the device bound to the attempt (start, or a handover login); its tokens carry it (dn). */
  deviceNonce?: string;
  /** A proctor approved a handover (device reset): the next login binds the new device, then it closes. */
  handoverOpen?: boolean;
  submittedAt?: number;
  /** Optimistic-concurrency version of the META item. */
  version: number;
}
