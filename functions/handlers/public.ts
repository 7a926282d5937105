// Lambda entry for the public routes (/api/public) and GET /api/health, behind the origin check, instrumented.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { behindOrigin } from '../api/middleware/origin-verify.ts';
import { healthApp, publicApp } from '../api/public/app.ts';
import { createServices } from '../services/index.ts';
import { instrumented } from './observability.ts';
import { depsFromEnv } from './runtime.ts';

const svc = createServices(await depsFromEnv(process.env, { jwt: false, pepper: false }));
const app = new Hono();
app.route('/', publicApp(svc));
app.route('/', healthApp(svc));

export const handler = instrumented(handle(behindOrigin(app, svc.deps.config.originVerify)));
