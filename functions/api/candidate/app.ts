// Candidate routes (/api/candidate): login, start, form, autosave, state, submit, result.
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { appealBody } from '../../schemas/appeals.ts';
import { candidateLoginBody, saveAnswersBody } from '../../schemas/candidate.ts';
import { id } from '../../schemas/common-mini.ts';
import { speedParams } from '../../schemas/psych.ts';
import type { CandidateClaims } from '../../services/auth/tokens.ts';
import { loginCandidate } from '../../services/candidate-login.ts';
import type { CandidateServices } from '../../services/candidate-services.ts';
import { userError } from '../../services/errors.ts';
import { jsonAnswer, roleApp } from '../base.ts';
import { clientAddress } from '../client-address.ts';
import { type AuthEnv, requireCandidate } from '../middleware/auth.ts';
import { parseJson, parseParams } from '../middleware/validate.ts';

const attemptParams = z.object({ attemptId: id });

export const candidateApp = (svc: CandidateServices) => {
  const { deps } = svc;
  const app = roleApp<CandidateClaims>('/api/candidate');

  app.post('/login', async (c) =>
    jsonAnswer(
      JSON.stringify(
        await loginCandidate(
          deps,
          svc.attemptCache,
          svc.sessionCache,
          svc.loginLimiter,
          await parseJson(c, candidateLoginBody),
          clientAddress(c, deps.config.clientAddressSource),
          svc.attempt.briefOf,
        ),
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

  /** The routes that change an attempt: refused to a read-only login (after the session closed). */
  const writable = (c: Context<AuthEnv<CandidateClaims>>): CandidateClaims => {
    const claims = owned(c);
    if (claims.ro) throw userError('FORBIDDEN.readOnly');
    return claims;
  };

  /** The state and the form in one answer (StartResponse): the client needs both at once. */
  app.post('/attempts/:attemptId/start', async (c) => jsonAnswer(await svc.attempt.startJson(writable(c))));
  app.get('/attempts/:attemptId', async (c) => c.json(await svc.attempt.state(owned(c))));
  app.get('/attempts/:attemptId/brief', async (c) => c.json(await svc.attempt.brief(owned(c))));
  app.get('/attempts/:attemptId/signal', async (c) => c.json(await svc.attempt.signal(owned(c))));
  app.get('/attempts/:attemptId/form', async (c) =>
    c.body(await svc.attempt.formJson(owned(c)), 200, { 'content-type': 'application/json' }),
  );
  app.put('/attempts/:attemptId/answers', async (c) => {
    const claims = writable(c);
    const body = await parseJson(c, saveAnswersBody);
    return c.json(await svc.attempt.save(claims, body.steps, body.answered));
  });
  /** Opens a Kraepelin sheet: the first call fixes its start on the server's clock. */
  app.post('/attempts/:attemptId/speed/:itemId/open', async (c) => {
    const claims = writable(c);
    const { itemId } = parseParams(c, speedParams);
    return c.json(await svc.psych.openSheet(claims, itemId));
  });
  /** The candidate's own psych report, once the attempt is finished. */
  app.get('/attempts/:attemptId/psych-report', async (c) =>
    c.json(await svc.psych.report(owned(c).aid, { requireFinished: true })),
  );
  app.post('/attempts/:attemptId/submit', async (c) => c.json(await svc.attempt.submit(writable(c))));
  app.get('/attempts/:attemptId/result', async (c) => c.json(await svc.attempt.result(owned(c))));
  /** Appeal (sanggahan): read and file, also from a read-only login after the session closed. */
  app.get('/attempts/:attemptId/appeal', async (c) => c.json(await svc.appeals.mine(owned(c))));
  app.post('/attempts/:attemptId/appeal', async (c) => {
    const claims = owned(c);
    const { text } = await parseJson(c, appealBody);
    return c.json({ appeal: await svc.appeals.file(claims, text), serverTime: deps.clock() });
  });

  return app;
};
