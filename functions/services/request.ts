// Who asks and under which operation id: the actor and idempotency key every audited use case takes.
import type { AuditActor } from '../domain/audit-log.ts';

export interface StaffRequest {
  actor: Extract<AuditActor, { id: string }>;
  /** Idempotency key: the client's Idempotency-Key, or a fresh random id per request. */
  opId: string;
}
