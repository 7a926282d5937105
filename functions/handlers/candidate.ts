// Lambda entry for the candidate routes (/api/candidate): only the candidate app, behind the origin check, instrumented.
import { handle } from 'hono/aws-lambda';
import { candidateApp } from '../api/candidate/app.ts';
import { behindOrigin } from '../api/middleware/origin-verify.ts';
import { instrumented } from './observability.ts';
import { servicesFromEnv } from './runtime.ts';

const svc = await servicesFromEnv();
export const handler = instrumented(handle(behindOrigin(candidateApp(svc), svc.deps.config.originVerify)));
