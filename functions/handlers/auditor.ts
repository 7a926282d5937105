// Lambda entry for the auditor routes (/api/auditor): the same Hono app the local server mounts.
import { handle } from 'hono/aws-lambda';
import { roleApps } from '../api/app.ts';
import { servicesFromEnv } from './runtime.ts';

const apps = roleApps(await servicesFromEnv({ jwt: true, pepper: false }));
export const handler = handle(apps.auditor);
