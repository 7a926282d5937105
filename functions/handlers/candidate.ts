// Lambda entry for the candidate routes (/api/candidate): the same Hono app the local server mounts.
import { handle } from 'hono/aws-lambda';
import { roleApps } from '../api/app.ts';
import { servicesFromEnv } from './runtime.ts';

const apps = roleApps(await servicesFromEnv());
export const handler = handle(apps.candidate);
