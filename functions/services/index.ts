// Wires the per-process services (caches, finalizer, use cases per role) from the adapter's deps.
import { createAttemptCache } from './attempt-cache.ts';
import { createAttemptService } from './attempts.ts';
import { createAuditService } from './audit.ts';
import { createBankService } from './banks.ts';
import { createContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { createFinalizer } from './finalize.ts';
import { createImageService } from './images.ts';
import { createMonitorService } from './monitor.ts';
import { createProctorService } from './proctor.ts';
import { createPublicService } from './public.ts';
import { createSessionCache } from './session-cache.ts';

export const createServices = (deps: Deps) => {
  const attempts = createAttemptCache(deps.store, deps.clock, deps.config.attemptCacheMs);
  const content = createContentCache(deps.store, deps.clock);
  const finalizer = createFinalizer(deps, attempts, content);
  const images = createImageService(deps.store, deps.clock);
  const sessions = createSessionCache(deps.store, deps.clock);
  const proctor = createProctorService(deps, attempts, finalizer);
  return {
    images,
    sessions,
    deps,
    attempts,
    content,
    finalizer,
    attempt: createAttemptService({ deps, attempts, content, finalizer, images, sessions }),
    proctor,
    monitor: createMonitorService(deps, sessions, finalizer, proctor),
    banks: createBankService(deps, content),
    audit: createAuditService(deps),
    publicInfo: createPublicService(deps),
  };
};

export type Services = ReturnType<typeof createServices>;
