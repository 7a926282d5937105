// Wires the per-process services (caches, finalizer, use cases per role) from the adapter's deps.
import { createAttemptCache } from './attempt-cache.ts';
import { createAttemptService } from './attempts.ts';
import { createAuditService } from './audit.ts';
import { createAuditLog } from './audit-log.ts';
import { createBankService } from './banks.ts';
import { createBundleService } from './bundle.ts';
import { createCandidateImportService } from './candidate-import.ts';
import { createContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { createFinalizer } from './finalize.ts';
import { createFormationService } from './formations.ts';
import { createImageService } from './images.ts';
import { createLoginLimiter } from './login-limits.ts';
import { createMonitorService } from './monitor.ts';
import { createProctorService } from './proctor.ts';
import { createPsychService } from './psych.ts';
import { createPublicService } from './public.ts';
import { createPublicationService } from './publication.ts';
import { createSchedulingService } from './scheduling.ts';
import { createScoreboardService } from './scoreboard.ts';
import { createSessionCache } from './session-cache.ts';
import { createSessionResultsService } from './session-results.ts';
import { createSpeedStartCache } from './speed-starts.ts';

/**
 * Naming: `*Cache` are per-process caches over the store, the rest are use cases; the store's repositories
 * (`deps.store.attempts`, `deps.store.sessions`, ...) are reached only from services.
 */
export const createServices = (deps: Deps) => {
  const attemptCache = createAttemptCache(deps.store, deps.clock, deps.config.attemptCacheMs);
  const contentCache = createContentCache(deps.store, deps.clock);
  const sessionCache = createSessionCache(deps.store, deps.clock);
  const finalizer = createFinalizer(deps, attemptCache, contentCache);
  const images = createImageService(deps.store, deps.clock);
  const speedStarts = createSpeedStartCache(deps.store);
  const proctor = createProctorService(deps, attemptCache, finalizer);
  const auditLog = createAuditLog(deps.store, deps.clock);
  const publication = createPublicationService(deps, auditLog);
  const loginLimiter = createLoginLimiter(deps.store, deps.clock, deps.config.loginLimits);
  return {
    loginLimiter,
    deps,
    attemptCache,
    contentCache,
    sessionCache,
    finalizer,
    images,
    attempt: createAttemptService({
      deps,
      attemptCache,
      contentCache,
      finalizer,
      images,
      sessionCache,
      speedStarts,
    }),
    psych: createPsychService({ deps, attemptCache, contentCache, finalizer, speedStarts }),
    proctor,
    monitor: createMonitorService(deps, sessionCache, finalizer, proctor, auditLog),
    scheduling: createSchedulingService(deps, auditLog, sessionCache),
    sessionResults: createSessionResultsService(deps, contentCache),
    banks: createBankService(deps, contentCache),
    audit: createAuditService(deps),
    publicInfo: createPublicService(deps),
    auditLog,
    formations: createFormationService(deps, auditLog),
    candidates: createCandidateImportService(deps, auditLog),
    publication,
    bundles: createBundleService(deps, auditLog, publication),
    scoreboard: createScoreboardService(deps),
  };
};

export type Services = ReturnType<typeof createServices>;
