// Lambda entry for the auditor routes (/api/auditor): only the auditor app, behind the origin check, instrumented.
import { handle } from 'hono/aws-lambda';
import { auditorApp } from '../api/auditor/app.ts';
import { behindOrigin } from '../api/middleware/origin-verify.ts';
import { instrumented } from './observability.ts';
import { servicesFromEnv } from './runtime.ts';

const svc = await servicesFromEnv({ jwt: true, pepper: false });
export const handler = instrumented(handle(behindOrigin(auditorApp(svc), svc.deps.config.originVerify)));
