// Lambda entry for the public routes (/api/public) and GET /api/health: the same Hono apps the local server mounts.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { roleApps } from '../api/app.ts';
import { servicesFromEnv } from './runtime.ts';

const apps = roleApps(await servicesFromEnv({ jwt: false, pepper: false }));
const app = new Hono();
app.route('/', apps.public);
app.route('/', apps.health);

export const handler = handle(app);
