// Admin and proctor routes (/api/admin): login, sessions, attempts monitor, PIN release, proctor actions, sweep.
import { z } from 'zod';
import { appealResolveBody } from '../../schemas/appeals.ts';
import { id } from '../../schemas/common.ts';
import { psychNormsBody, psychSkbComponentQuery } from '../../schemas/psych-norms.ts';
import { regradeBody } from '../../schemas/regrade.ts';
import {
  extendBody,
  loginLimitClearBody,
  proctorActionBody,
  roomActionBody,
  roomExtendBody,
} from '../../schemas/staff.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import { userError } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import type { ProctorAction } from '../../services/proctor.ts';
import { skbComponentCsv } from '../../services/psych.ts';
import type { RoomAction } from '../../services/room-actions.ts';
import { roleApp } from '../base.ts';
import { requireStaff } from '../middleware/auth.ts';
import { parseJson, parseParams, parseQuery } from '../middleware/validate.ts';
import { mountBankRoutes } from './banks.ts';
import { mountExamReadRoutes, mountExamWriteRoutes } from './exams.ts';
import { mountStaffLogin } from './login.ts';
import { mountPsychRoutes } from './psych.ts';
import { mountRegistryRoutes } from './registry.ts';
import { mountResultRoutes } from './results.ts';
import { mountSchedulingRoutes } from './scheduling.ts';
import { mountSkbRoutes } from './skb.ts';
import { staffRequest, viewer } from './staff-request.ts';

/** Bank imports are the largest bodies the API takes (a few thousand items). */
const BANK_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const sessionParams = z.object({ sessionId: id });
const examParams = z.object({ examId: id });
const attemptParams = z.object({ attemptId: id });
const roomActionParams = z.object({ sessionId: id, action: z.enum(['pause', 'resume', 'extend']) });
const actionParams = z.object({
  attemptId: id,
  action: z.enum(['pause', 'resume', 'extend', 'reset-device', 'submit']),
});

export const adminApp = (svc: Services) => {
  const { deps } = svc;
  const app = roleApp<StaffClaims>('/api/admin', BANK_IMPORT_MAX_BYTES);
  const staff = requireStaff(deps, 'admin', 'proctor');
  const adminOnly = requireStaff(deps, 'admin');

  mountStaffLogin(app, svc, ['admin', 'proctor']);

  app.get('/sessions', staff, async (c) =>
    c.json({ sessions: await svc.monitor.sessions(viewer(c)), serverTime: deps.clock() }),
  );

  app.get('/sessions/:sessionId/attempts', staff, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    return c.json({ attempts: await svc.monitor.attempts(sessionId, viewer(c)), serverTime: deps.clock() });
  });

  app.post('/sessions/:sessionId/sweep', adminOnly, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    return c.json({ ...(await svc.monitor.sweep(sessionId)), serverTime: deps.clock() });
  });

  /** One-click unlock: proctors may unlock candidates; staff logins only an admin. */
  app.post('/login-limits/clear', staff, async (c) => {
    const body = await parseJson(c, loginLimitClearBody);
    if (body.kind === 'staff' && c.get('claims').role !== 'admin') throw userError('FORBIDDEN.staffUnlock');
    const cleared = await svc.loginLimiter.clear(
      body.kind,
      'key' in body ? { key: body.key } : { address: body.address },
    );
    return c.json({ cleared, serverTime: deps.clock() });
  });

  mountBankRoutes(app, svc, adminOnly);
  mountExamReadRoutes(app, svc, adminOnly);
  mountExamWriteRoutes(app, svc, adminOnly);
  mountRegistryRoutes(app, svc, adminOnly);
  mountSchedulingRoutes(app, svc, adminOnly, staff);
  mountResultRoutes(app, svc, adminOnly);
  mountSkbRoutes(app, svc, adminOnly);

  /** The exam's latest published SKD ranking and whether it still states the current results. */
  app.get('/publications/:examId', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({ status: await svc.publication.skdStatus(examId), serverTime: deps.clock() });
  });

  /** Publishes (or re-confirms, idempotently) the anonymized, signed ranking of an exam under published/. */
  app.post('/publications/:examId', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({
      publication: await svc.publication.publish(staffRequest(c, deps), examId),
      serverTime: deps.clock(),
    });
  });

  /** Key/weight correction of one bank of an exam: finished results re-derived, old scores kept, audited. */
  app.post('/exams/:examId/regrade', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const body = await parseJson(c, regradeBody);
    return c.json({
      regrade: await svc.regrade.regrade(staffRequest(c, deps), examId, body),
      serverTime: deps.clock(),
    });
  });

  /** Norm settings of a psych exam: the norm group its reports use and the category cut-offs (admins only). */
  app.get('/exams/:examId/psych-norms', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    return c.json({ norms: await svc.psychNorms.get(examId), serverTime: deps.clock() });
  });
  app.put('/exams/:examId/psych-norms', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const body = await parseJson(c, psychNormsBody);
    return c.json({
      norms: await svc.psychNorms.set(staffRequest(c, deps), examId, body),
      serverTime: deps.clock(),
    });
  });

  /**
   * The psych SKB component of each candidate of a psych exam (admins only, never published): JSON, or the
   * CSV columns no_peserta,psikotes of the SKB score import (PUT /api/admin/skb/<exam>/scores).
   */
  app.get('/exams/:examId/psych-skb-component', adminOnly, async (c) => {
    const { examId } = parseParams(c, examParams);
    const { measure, format } = parseQuery(c, psychSkbComponentQuery);
    const view = await svc.psych.skbComponent(examId, measure);
    if (format === 'csv')
      return c.body(skbComponentCsv(view), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${examId}-psikotes.csv"`,
      });
    return c.json(view);
  });

  mountPsychRoutes(app, svc, adminOnly);

  /**
   * Bulk pause / resume / extend of a room with one reason (the assigned proctor or an admin): one audit entry
   * names every attempt, then each attempt gets its step. Optional `attemptIds` narrows it to a selection.
   */
  app.post('/sessions/:sessionId/room/:action', staff, async (c) => {
    const { sessionId, action } = parseParams(c, roomActionParams);
    let act: RoomAction;
    let only: string[] | undefined;
    if (action === 'extend') {
      const body = await parseJson(c, roomExtendBody);
      act = { kind: 'extend', reason: body.reason, minutes: body.minutes };
      only = body.attemptIds;
    } else {
      const body = await parseJson(c, roomActionBody);
      act = { kind: action, reason: body.reason };
      only = body.attemptIds;
    }
    const report = await svc.roomActions.apply(staffRequest(c, deps), sessionId, act, only);
    return c.json({ ...report, serverTime: deps.clock() });
  });

  /** Appeals (sanggahan): admins list and answer them, with a reason (audited). */
  app.get('/appeals', adminOnly, async (c) =>
    c.json({ appeals: await svc.appeals.list(), serverTime: deps.clock() }),
  );
  app.post('/appeals/:attemptId/resolve', adminOnly, async (c) => {
    const { attemptId } = parseParams(c, attemptParams);
    const { decision, reason } = await parseJson(c, appealResolveBody);
    const appeal = await svc.appeals.resolve(staffRequest(c, deps), attemptId, decision, reason);
    return c.json({ appeal, serverTime: deps.clock() });
  });

  app.post('/attempts/:attemptId/:action', staff, async (c) => {
    const { attemptId, action } = parseParams(c, actionParams);
    let act: ProctorAction;
    if (action === 'extend') {
      const body = await parseJson(c, extendBody);
      act = { kind: 'extend', reason: body.reason, minutes: body.minutes };
    } else {
      const body = await parseJson(c, proctorActionBody);
      act = { kind: action, reason: body.reason };
    }
    const attempt = await svc.monitor.act(staffRequest(c, deps), attemptId, act);
    return c.json({ attempt, serverTime: deps.clock() });
  });

  return app;
};
