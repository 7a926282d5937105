// Admin audit log as a hash chain per UTC day: entry n links to entry n-1, so an edited or removed entry shows.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** Who did it. Proctor and admin actions carry the staff id; jobs act as system. */
export type AuditActor =
  | { role: 'admin' | 'proctor' | 'auditor' | 'candidate'; id: string }
  | { role: 'system' };

/** What is recorded BEFORE the action runs (the intent); `id` is the operation's idempotency key. */
export interface AuditIntent {
  id: string;
  /** ms since epoch; decides the day (UTC) whose chain the entry joins. */
  at: number;
  actor: AuditActor;
  /** Dotted verb, e.g. `session.cancel`, `pins.regenerate`, `attempt.pause`. */
  action: string;
  /** What it acts on, e.g. `session:s1`, `candidate:s1/REG123`. */
  target: string;
  reason?: string;
  /** Small JSON-safe facts (counts, new values); never a PIN or a password. */
  details?: Record<string, unknown>;
}

export interface AuditEntry extends AuditIntent {
  day: string;
  /** 1-based position in the day's chain. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** UTC calendar day of a time, `YYYY-MM-DD`. */
export const auditDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The chain of a day starts from SHA-256("seleksi-audit:" + day), so a day's entries cannot pose as another's. */
export const auditGenesis = (day: string): string =>
  createHash('sha256').update(`seleksi-audit:${day}`, 'utf8').digest('hex');

/** The hashed body: every field but `hash`, canonical JSON. */
const body = (e: Omit<AuditEntry, 'hash'>): string =>
  canonicalJson({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    reason: e.reason,
    details: e.details,
    day: e.day,
    seq: e.seq,
    prevHash: e.prevHash,
  });

/** hash = hex SHA-256(prevHash || canonicalJson(entry without hash)). */
export const auditEntryHash = (e: Omit<AuditEntry, 'hash'>): string =>
  createHash('sha256').update(e.prevHash, 'utf8').update(body(e), 'utf8').digest('hex');

/** The entry that follows `previous` (the day's current tail; undefined for the first entry of `day`). */
export function nextAuditEntry(previous: AuditEntry | undefined, intent: AuditIntent): AuditEntry {
  const day = auditDay(intent.at);
  const partial: Omit<AuditEntry, 'hash'> = {
    ...intent,
    day,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : auditGenesis(day),
  };
  return { ...partial, hash: auditEntryHash(partial) };
}

export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; seq: number; problem: 'gap' | 'prevHash' | 'hash' | 'day' };

/**
 * Checks one day's entries (any order): seq 1..n without gaps, each prevHash = the previous hash (genesis for
 * seq 1), each hash recomputed. A removed tail is not detectable from the day alone: compare `head` with a
 * copy kept elsewhere (see docs/audit-log.md).
 */
export function verifyAuditChain(day: string, entries: readonly AuditEntry[]): AuditVerdict {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  let prev = auditGenesis(day);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i] as AuditEntry;
    if (e.seq !== i + 1) return { ok: false, seq: i + 1, problem: 'gap' };
    if (e.day !== day || auditDay(e.at) !== day) return { ok: false, seq: e.seq, problem: 'day' };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, problem: 'prevHash' };
    const { hash, ...rest } = e;
    if (auditEntryHash(rest) !== hash) return { ok: false, seq: e.seq, problem: 'hash' };
    prev = hash;
  }
  return { ok: true, entries: sorted.length, head: prev };
}
