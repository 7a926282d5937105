// Audited admin/proctor actions: the intent is chained into the audit log FIRST, then the action runs.
// No transactions: both halves are idempotent under the operation id, so a retry after a crash completes both.

import {
  type AuditActor,
  type AuditEntry,
  type AuditIntent,
  type AuditVerdict,
  auditDay,
  nextAuditEntry,
  verifyAuditChain,
} from '../domain/audit-log.ts';
import { DomainError } from '../domain/errors.ts';
import type { Store } from '../store/types.ts';
import type { Clock } from './config.ts';
import { userError } from './errors.ts';

/** Appends under contention retry on the next seq; past this many lost races the caller gets THROTTLED. */
const MAX_APPEND_ATTEMPTS = 50;

export interface AuditRequest {
  /** Idempotency key of the operation (a client's Idempotency-Key, else a fresh random id). */
  opId: string;
  actor: AuditActor;
  action: string;
  target: string;
  reason?: string;
  details?: Record<string, unknown>;
}

export const createAuditLog = (store: Store, clock: Clock) => {
  /** Chains `intent` after the day's tail; on a lost race, reads the new tail and tries the next seq. */
  const chain = async (intent: AuditIntent, crashed: boolean): Promise<AuditEntry> => {
    const day = auditDay(intent.at);
    if (crashed) {
      // A previous try claimed the intent and may have appended before it stopped: look before appending twice.
      const found = (await store.audit.listDay(day)).find((e) => e.id === intent.id);
      if (found) return found;
    }
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const tail = await store.audit.tail(day);
      if (tail?.id === intent.id) return tail;
      const entry = nextAuditEntry(tail, intent);
      if (await store.audit.appendEntry(entry)) return entry;
    }
    throw userError('THROTTLED.auditLog');
  };

  /**
   * Records the intent (idempotent by opId) and returns its chained entry. A second call with the same opId
   * returns the same entry and appends nothing, whatever the request carries the second time.
   */
  const record = async (req: AuditRequest): Promise<AuditEntry> => {
    const intent: AuditIntent = {
      id: req.opId,
      at: clock(),
      actor: req.actor,
      action: req.action,
      target: req.target,
      reason: req.reason,
      details: req.details,
    };
    let crashed = false;
    let toChain = intent;
    if (!(await store.audit.claimOperation(intent))) {
      const op = await store.audit.getOperation(req.opId);
      if (!op) throw new DomainError('CONFLICT', `audit operation ${req.opId} vanished`);
      if (op.day !== undefined && op.seq !== undefined) {
        const done = await store.audit.getEntry(op.day, op.seq);
        if (done) return done;
      }
      crashed = true;
      toChain = op.intent;
    }
    const entry = await chain(toChain, crashed);
    await store.audit.markChained(entry.id, entry.day, entry.seq);
    return entry;
  };

  return {
    record,
    /**
     * Intent first, then the action. The action must be idempotent: a retry with the same opId re-runs it
     * against the same entry. If it fails, a `<action>.failed` entry records the error code (best effort).
     */
    async run<T>(req: AuditRequest, action: (entry: AuditEntry) => Promise<T>): Promise<T> {
      const entry = await record(req);
      try {
        return await action(entry);
      } catch (e) {
        const code = e instanceof DomainError ? e.code : 'INTERNAL';
        await record({
          opId: `${req.opId}.failed`,
          actor: req.actor,
          action: `${req.action}.failed`,
          target: req.target,
          details: { code, of: `${entry.day}/${entry.seq}` },
        }).catch(() => undefined);
        throw e;
      }
    },
    list: (day: string): Promise<AuditEntry[]> => store.audit.listDay(day),
    async verify(day: string): Promise<AuditVerdict> {
      return verifyAuditChain(day, await store.audit.listDay(day));
    },
  };
};

export type AuditLog = ReturnType<typeof createAuditLog>;
