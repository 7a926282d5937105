// The whole API as one Hono app (local server, tests): the same role apps each Lambda handler serves alone.
import { Hono } from 'hono';
import type { Deps } from '../services/deps.ts';
import { createServices, type Services } from '../services/index.ts';
import { adminApp } from './admin/app.ts';
import { auditorApp } from './auditor/app.ts';
import { candidateApp } from './candidate/app.ts';
import { notFound, onError } from './middleware/on-error.ts';
import { originVerify } from './middleware/origin-verify.ts';
import { healthApp, publicApp } from './public/app.ts';

export const roleApps = (svc: Services) => ({
  candidate: candidateApp(svc),
  admin: adminApp(svc),
  auditor: auditorApp(svc),
  public: publicApp(svc),
  health: healthApp(svc),
});

export const createApiApp = (deps: Deps) => {
  const svc = createServices(deps);
  const apps = roleApps(svc);
  const app = new Hono();
  app.use(originVerify(deps.config.originVerify));
  app.route('/', apps.candidate);
  app.route('/', apps.admin);
  app.route('/', apps.auditor);
  app.route('/', apps.public);
  app.route('/', apps.health);
  app.onError(onError);
  app.notFound(notFound);
  return { app, services: svc };
};
