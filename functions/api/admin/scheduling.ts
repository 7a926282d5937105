// Admin scheduling routes: schedule/edit/cancel sessions, rosters (by hand, from the import, by capacity),
// proctor assignment, PIN release and regeneration. Proctors read the rosters of their own sessions only.
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { id, regNo } from '../../schemas/common.ts';
import {
  assignBody,
  autoAssignBody,
  proctorsBody,
  reasonBody,
  scheduleBody,
  sessionEditBody,
} from '../../schemas/scheduling.ts';
import { roomPageQuery, roomSort, roomState } from '../../schemas/staff.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import { userError } from '../../services/errors.ts';
import type { Services } from '../../services/index.ts';
import { canReachSession } from '../../services/scheduling.ts';
import { sessionView } from '../../services/staff-views.ts';
import type { AuthEnv } from '../middleware/auth.ts';
import { parseJson, parseParams, parseQuery } from '../middleware/validate.ts';
import { staffRequest, viewer } from './staff-request.ts';

const sessionParams = z.object({ sessionId: id });
const candidateParams = z.object({ sessionId: id, regNo });
const roomQuery = z.object({
  state: roomState.optional(),
  q: z.string().trim().min(1).max(64).optional(),
  sort: roomSort.default('regNo'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const mountSchedulingRoutes = (
  app: Hono<AuthEnv<StaffClaims>>,
  svc: Services,
  adminOnly: MiddlewareHandler<AuthEnv<StaffClaims>>,
  staff: MiddlewareHandler<AuthEnv<StaffClaims>>,
) => {
  const { deps } = svc;
  const sched = svc.scheduling;
  const ok = <T extends object>(body: T) => ({ ...body, serverTime: deps.clock() });

  app.post('/sessions', adminOnly, async (c) => {
    const body = await parseJson(c, scheduleBody);
    return c.json(ok({ session: sessionView(await sched.schedule(staffRequest(c, deps), body)) }));
  });

  app.patch('/sessions/:sessionId', adminOnly, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const body = await parseJson(c, sessionEditBody);
    return c.json(ok({ session: sessionView(await sched.edit(staffRequest(c, deps), sessionId, body)) }));
  });

  app.post('/sessions/:sessionId/cancel', adminOnly, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const { reason } = await parseJson(c, reasonBody);
    return c.json(ok({ session: sessionView(await sched.cancel(staffRequest(c, deps), sessionId, reason)) }));
  });

  app.put('/sessions/:sessionId/proctors', adminOnly, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const { proctorIds } = await parseJson(c, proctorsBody);
    const s = await sched.setProctors(staffRequest(c, deps), sessionId, proctorIds);
    return c.json(ok({ session: sessionView(s) }));
  });

  app.get('/sessions/:sessionId/roster', staff, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const s = await sched.get(sessionId);
    if (!canReachSession(viewer(c), s)) throw userError('FORBIDDEN.notAssigned');
    return c.json(ok({ session: sessionView(s), roster: await sched.roster(sessionId) }));
  });

  /** The room monitor: every rostered candidate (absentees too), filtered, sorted, one page. */
  app.get('/sessions/:sessionId/room', staff, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const query = parseQuery(c, roomQuery);
    const session = await sched.get(sessionId);
    const page = await svc.roomMonitor.rows(session, viewer(c), query);
    return c.json(ok({ ...page, offset: query.offset, timeZone: session.timeZone ?? 'WIB' }));
  });

  /**
   * The room in registration-number order, one page after an opaque cursor: three store queries sized by the
   * page, whatever the room (the console walks these pages and sorts and filters itself).
   */
  app.get('/sessions/:sessionId/room/rows', staff, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const query = parseQuery(c, roomPageQuery);
    const session = await sched.get(sessionId);
    const page = await svc.roomMonitor.page(session, viewer(c), query);
    return c.json(ok({ ...page, timeZone: session.timeZone ?? 'WIB' }));
  });

  app.post('/sessions/:sessionId/roster', adminOnly, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const { regNos } = await parseJson(c, assignBody);
    return c.json(ok(await sched.assign(staffRequest(c, deps), sessionId, regNos)));
  });

  app.post('/rosters/from-import', adminOnly, async (c) =>
    c.json(ok(await sched.assignFromImport(staffRequest(c, deps)))),
  );

  app.post('/rosters/auto', adminOnly, async (c) => {
    const { sessionIds } = await parseJson(c, autoAssignBody);
    return c.json(ok(await sched.autoAssign(staffRequest(c, deps), sessionIds)));
  });

  /** PINs of candidates without one, in clear, this once (print the cards now); then login opens. */
  app.post('/sessions/:sessionId/release-pins', adminOnly, async (c) => {
    const { sessionId } = parseParams(c, sessionParams);
    const { session, pins } = await sched.releasePins(staffRequest(c, deps), sessionId);
    return c.json(ok({ session: sessionView(session), pins }));
  });

  app.post('/sessions/:sessionId/candidates/:regNo/regenerate-pin', adminOnly, async (c) => {
    const { sessionId, regNo: reg } = parseParams(c, candidateParams);
    const { reason } = await parseJson(c, reasonBody);
    return c.json(ok({ pin: await sched.regeneratePin(staffRequest(c, deps), sessionId, reg, reason) }));
  });
};
