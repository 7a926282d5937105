// Lambda entry for the auditor routes (/api/auditor): only the auditor app, behind the origin check, instrumented.
import { handle } from 'hono/aws-lambda';
import { auditorApp } from '../api/auditor/app.ts';
import { behindOrigin } from '../api/middleware/origin-verify.ts';
import { createServices } from '../services/index.ts';
import { instrumented } from './observability.ts';
import { depsFromEnv } from './runtime.ts';

const svc = createServices(await depsFromEnv(process.env, { jwt: true, pepper: false }));
export const handler = instrumented(handle(behindOrigin(auditorApp(svc), svc.deps.config.originVerify)));
