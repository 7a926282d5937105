// Lambda entry for the admin routes (/api/admin): only the admin app, behind the origin check, instrumented.
import { handle } from 'hono/aws-lambda';
import { adminApp } from '../api/admin/app.ts';
import { behindOrigin } from '../api/middleware/origin-verify.ts';
import { createServices } from '../services/index.ts';
import { instrumented } from './observability.ts';
import { pushFromEnv } from './push-apigw.ts';
import { depsFromEnv } from './runtime.ts';

// Proctor actions push their signal to the attempt's open pages through the WebSocket API (PUSH_ENDPOINT).
const svc = createServices({ ...(await depsFromEnv(process.env)), ...pushFromEnv(process.env) });
export const handler = instrumented(handle(behindOrigin(adminApp(svc), svc.deps.config.originVerify)));
