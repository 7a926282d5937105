// Wires the per-process services (caches, finalizer, use cases per role) from the adapter's deps.
import { createAuditService } from './audit.ts';
import { createAuditLog } from './audit-log.ts';
import { createBankService } from './banks.ts';
import { createBundleService } from './bundle.ts';
import { createCandidateImportService } from './candidate-import.ts';
import { createCandidateServices } from './candidate-services.ts';
import type { Deps } from './deps.ts';
import { createExamService } from './exams.ts';
import { createFormationService } from './formations.ts';
import { createMonitorService } from './monitor.ts';
import { createProctorService } from './proctor.ts';
import { createPsychNormsService } from './psych-norms.ts';
import { createPublicService } from './public.ts';
import { createPublicationService } from './publication.ts';
import { createRegradeService } from './regrade.ts';
import { createRoomActions } from './room-actions.ts';
import { createRoomMonitor } from './room-monitor.ts';
import { createSchedulingService } from './scheduling.ts';
import { createScoreboardService } from './scoreboard.ts';
import { createSessionResultsService } from './session-results.ts';
import { createSkbService } from './skb.ts';
import { createStaffAccounts } from './staff-accounts.ts';

/**
 * Naming: `*Cache` are per-process caches over the store, the rest are use cases; the store's repositories
 * (`deps.store.attempts`, `deps.store.sessions`, ...) are reached only from services.
 */
export const createServices = (deps: Deps) => {
  const candidate = createCandidateServices(deps);
  const { attemptCache, contentCache, sessionCache, finalizer } = candidate;
  const proctor = createProctorService(deps, attemptCache, finalizer);
  const auditLog = createAuditLog(deps.store, deps.clock);
  const publication = createPublicationService(deps, auditLog);
  return {
    ...candidate,
    proctor,
    monitor: createMonitorService(deps, sessionCache, finalizer, proctor, auditLog),
    scheduling: createSchedulingService(deps, auditLog, sessionCache),
    sessionResults: createSessionResultsService(deps, contentCache),
    roomMonitor: createRoomMonitor(deps),
    roomActions: createRoomActions(deps, proctor, auditLog),
    staffAccounts: createStaffAccounts(deps, auditLog),
    banks: createBankService(deps, contentCache, auditLog, candidate.images),
    exams: createExamService(deps, auditLog, contentCache),
    audit: createAuditService(deps),
    publicInfo: createPublicService(deps),
    auditLog,
    formations: createFormationService(deps, auditLog),
    candidates: createCandidateImportService(deps, auditLog),
    publication,
    bundles: createBundleService(deps, auditLog, publication),
    scoreboard: createScoreboardService(deps),
    regrade: createRegradeService(deps, contentCache, finalizer, auditLog),
    skb: createSkbService(deps, auditLog, publication),
    psychNorms: createPsychNormsService(deps, auditLog),
  };
};

export type Services = ReturnType<typeof createServices>;
