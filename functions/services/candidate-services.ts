// The services the candidate routes need (caches, finalizer, images, the attempt use case) and nothing else:
// the candidate Lambda builds only these, so its bundle carries no CSV, admin or publication code.
import { createAppealService } from './appeals.ts';
import { createAttemptCache } from './attempt-cache.ts';
import { createAttemptService } from './attempts.ts';
import { createAuditLog } from './audit-log.ts';
import { createContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { createFinalizer } from './finalize.ts';
import { createImageService } from './images.ts';
import { createLoginLimiter } from './login-limits.ts';
import { createPsychService } from './psych.ts';
import { createProgressRecorder } from './room-progress.ts';
import { createSessionCache } from './session-cache.ts';
import { createSpeedStartCache } from './speed-starts.ts';

export const createCandidateServices = (deps: Deps) => {
  const attemptCache = createAttemptCache(deps.store, deps.clock, deps.config.attemptCacheMs);
  const contentCache = createContentCache(deps.store, deps.clock);
  const sessionCache = createSessionCache(deps.store, deps.clock);
  const finalizer = createFinalizer(deps, attemptCache, contentCache);
  const images = createImageService(deps.store, deps.clock);
  const speedStarts = createSpeedStartCache(deps.store);
  return {
    deps,
    loginLimiter: createLoginLimiter(deps.store, deps.clock, deps.config.loginLimits),
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
      progress: createProgressRecorder(deps),
    }),
    appeals: createAppealService(deps, createAuditLog(deps.store, deps.clock), finalizer),
    psych: createPsychService({ deps, attemptCache, contentCache, finalizer, speedStarts }),
  };
};

export type CandidateServices = ReturnType<typeof createCandidateServices>;
