// Admin and proctor routes (/api/admin): login, sessions, attempts monitor, PIN release, proctor actions, sweep.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AttemptMeta, Session } from '../../domain/attempt.ts';
import { DomainError } from '../../domain/errors.ts';
import { deadlineOf } from '../../domain/timing.ts';
import { id } from '../../schemas/common.ts';
import {
  type AttemptSummary,
  extendBody,
  proctorActionBody,
  type SessionView,
  staffLoginBody,
} from '../../schemas/staff.ts';
import type { StaffClaims } from '../../services/auth/tokens.ts';
import type { Services } from '../../services/index.ts';
import type { ProctorAction } from '../../services/proctor.ts';
import { loginStaff } from '../../services/staff-login.ts';
import { sweepSession } from '../../services/sweep.ts';
import { roleApp } from '../base.ts';
import { type AuthEnv, requireStaff } from '../middleware/auth.ts';
import { parseJson, parseParams } from '../middleware/validate.ts';
import { mountBankRoutes } from './banks.ts';

/** Bank imports are the largest bodies the API takes (a few thousand items). */
const BANK_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const sessionParams = z.object({ sessionId: id });
const actionParams = z.object({
  attemptId: id,
  action: z.enum(['pause', 'resume', 'extend', 'reset-device', 'submit']),
});

export const sessionView = (s: Session): SessionView => ({
  id: s.id,
  examId: s.examId,
  title: s.title,
  site: s.site,
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  capacity: s.capacity,
  pinsReleased: s.pinsReleased,
  secretCommitment: s.secretCommitment,
});

/** One row of the attempts monitor (also the answer to a proctor action). */
const attemptSummary = (m: AttemptMeta, total: number | null): AttemptSummary => ({
  attemptId: m.attemptId,
  regNo: m.regNo,
  state: m.state,
  startedAt: m.startedAt,
  deadline: deadlineOf(m),
  deviceEpoch: m.deviceEpoch,
  total,
});

export const adminApp = (svc: Services) => {
  const { deps } = svc;
  const app = roleApp<StaffClaims>('/api/admin', BANK_IMPORT_MAX_BYTES);
  const staff = requireStaff(deps, 'admin', 'proctor');
  const adminOnly = requireStaff(deps, 'admin');

  app.post('/login', async (c) =>
    c.json(await loginStaff(deps, await parseJson(c, staffLoginBody), ['admin', 'proctor'])),
  );

  app.get('/sessions', staff, async (c) => {
    const sessions = await deps.store.sessions.list();
    return c.json({ sessions: sessions.map(sessionView), serverTime: deps.clock() });
  });

  const sessionOf = async (c: Context<AuthEnv<StaffClaims>>) => {
    const { sessionId } = parseParams(c, sessionParams);
    const session = await deps.store.sessions.get(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'Sesi tidak ditemukan / Session not found');
    return session;
  };

  app.get('/sessions/:sessionId/attempts', staff, async (c) => {
    const session = await sessionOf(c);
    const metas = await deps.store.attempts.listBySession(session.id);
    const results = await Promise.all(
      metas.map((m) =>
        m.state === 'submitted' || m.state === 'expired'
          ? deps.store.attempts.getResult(m.attemptId)
          : undefined,
      ),
    );
    const attempts = metas.map((m, i) => attemptSummary(m, results[i]?.total ?? null));
    return c.json({ attempts, serverTime: deps.clock() });
  });

  app.post('/sessions/:sessionId/release-pins', adminOnly, async (c) => {
    const session = await sessionOf(c);
    await deps.store.sessions.setPinsReleased(session.id, true);
    svc.sessions.drop(session.id);
    return c.json({ session: sessionView({ ...session, pinsReleased: true }), serverTime: deps.clock() });
  });

  app.post('/sessions/:sessionId/sweep', adminOnly, async (c) => {
    const session = await sessionOf(c);
    const swept = await sweepSession(svc, session.id);
    return c.json({ ...swept, serverTime: deps.clock() });
  });

  mountBankRoutes(app, svc, adminOnly);

  app.post('/attempts/:attemptId/:action', staff, async (c) => {
    const { attemptId, action } = parseParams(c, actionParams);
    const claims = c.get('claims');
    const actor = {
      role: claims.role === 'admin' ? ('admin' as const) : ('proctor' as const),
      id: claims.sub,
    };
    let act: ProctorAction;
    if (action === 'extend') {
      const body = await parseJson(c, extendBody);
      act = { kind: 'extend', reason: body.reason, minutes: body.minutes };
    } else {
      const body = await parseJson(c, proctorActionBody);
      act = { kind: action, reason: body.reason };
    }
    const meta = await svc.proctor.act(attemptId, actor, act);
    return c.json({ attempt: attemptSummary(meta, null), serverTime: deps.clock() });
  });

  return app;
};
