// Candidate routes (/api/candidate): login, start, form, autosave, state, submit, result.
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { candidateLoginBody, saveAnswersBody } from '../../schemas/candidate.ts';
import { id } from '../../schemas/common-mini.ts';
import { speedParams } from '../../schemas/psych.ts';
import type { CandidateClaims } from '../../services/auth/tokens.ts';
import { loginCandidate } from '../../services/candidate-login.ts';
import type { CandidateServices } from '../../services/candidate-services.ts';
import { userError } from '../../services/errors.ts';
import { roleApp } from '../base.ts';
import { clientAddress } from '../client-address.ts';
import { type AuthEnv, requireCandidate } from '../middleware/auth.ts';
import { parseJson, parseParams } from '../middleware/validate.ts';

const attemptParams = z.object({ attemptId: id });

export const candidateApp = (svc: CandidateServices) => {
  const { deps } = svc;
  const app = roleApp<CandidateClaims>('/api/candidate');

  app.post('/login', async (c) =>
    c.json(
      await loginCandidate(
        deps,
        svc.attemptCache,
        svc.sessionCache,
        svc.loginLimiter,
        await parseJson(c, candidateLoginBody),
        clientAddress(c, deps.config.clientAddressSource),
      ),
    ),
  );

  app.use('/attempts/:attemptId/*', requireCandidate(deps));
  app.use('/attempts/:attemptId', requireCandidate(deps));
  /** Every attempt route: the token's attempt must be the one in the path. */
  const owned = (c: Context<AuthEnv<CandidateClaims>>): CandidateClaims => {
    const { attemptId } = parseParams(c, attemptParams);
    const claims = c.get('claims');
    if (claims.aid !== attemptId) throw userError('FORBIDDEN.notYourAttempt');
    return claims;
  };

  app.post('/attempts/:attemptId/start', async (c) => c.json(await svc.attempt.start(owned(c))));
  app.get('/attempts/:attemptId', async (c) => c.json(await svc.attempt.state(owned(c))));
  app.get('/attempts/:attemptId/brief', async (c) => c.json(await svc.attempt.brief(owned(c))));
  app.get('/attempts/:attemptId/signal', async (c) => c.json(await svc.attempt.signal(owned(c))));
  app.get('/attempts/:attemptId/form', async (c) =>
    c.body(await svc.attempt.formJson(owned(c)), 200, { 'content-type': 'application/json' }),
  );
  app.put('/attempts/:attemptId/answers', async (c) => {
    const claims = owned(c);
    const body = await parseJson(c, saveAnswersBody);
    return c.json(await svc.attempt.save(claims, body.steps));
  });
  /** Opens a Kraepelin sheet: the first call fixes its start on the server's clock. */
  app.post('/attempts/:attemptId/speed/:itemId/open', async (c) => {
    const claims = owned(c);
    const { itemId } = parseParams(c, speedParams);
    return c.json(await svc.psych.openSheet(claims, itemId));
  });
  /** The candidate's own psych report, once the attempt is finished. */
  app.get('/attempts/:attemptId/psych-report', async (c) =>
    c.json(await svc.psych.report(owned(c).aid, { requireFinished: true })),
  );
  app.post('/attempts/:attemptId/submit', async (c) => c.json(await svc.attempt.submit(owned(c))));
  app.get('/attempts/:attemptId/result', async (c) => c.json(await svc.attempt.result(owned(c))));

  return app;
};
