// Lambda entry for the candidate routes (/api/candidate): only the candidate app, behind the origin check, instrumented.
import { handle } from 'hono/aws-lambda';
import { candidateApp } from '../api/candidate/app.ts';
import { behindOrigin } from '../api/middleware/origin-verify.ts';
import { createCandidateServices } from '../services/candidate-services.ts';
import { instrumented } from './observability.ts';
import { depsFromEnv } from './runtime.ts';

// Only the candidate's services: one per container, shared by warm invocations (caches live here).
const svc = createCandidateServices(await depsFromEnv());
export const handler = instrumented(handle(behindOrigin(candidateApp(svc), svc.deps.config.originVerify)));
