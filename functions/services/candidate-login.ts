// Candidate login: registration number + session PIN (HMAC, constant-time), into a token bound to one attempt.
import { BKN_APPEAL_POLICY, readOnlyLoginUntil } from '../domain/appeal.ts';
import type { AttemptMeta, Session } from '../domain/attempt.ts';
import { admitLogin, bindHandover } from '../domain/device.ts';
import { isSessionOpen } from '../domain/lifecycle.ts';
import { attemptIdFor } from '../domain/seed.ts';
import { acceptsAnswersAt } from '../domain/timing.ts';
import type { CandidateLoginBody, CandidateLoginResponse } from '../schemas/candidate.ts';
import type { AttemptCache } from './attempt-cache.ts';
import { pinMatches } from './auth/pin.ts';
import { signToken } from './auth/tokens.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { LoginLimiter } from './login-limits.ts';
import type { SessionCache } from './session-cache.ts';

export const loginCandidate = async (
  deps: Deps,
  attemptCache: AttemptCache,
  sessionCache: SessionCache,
  limiter: LoginLimiter,
  body: CandidateLoginBody,
  address: string,
): Promise<CandidateLoginResponse> =>
  limiter.attempt('candidate', body.regNo, address, () =>
    checkCandidate(deps, attemptCache, sessionCache, body),
  );

const checkCandidate = async (
  deps: Deps,
  attemptCache: AttemptCache,
  sessionCache: SessionCache,
  body: CandidateLoginBody,
): Promise<CandidateLoginResponse> => {
  const now = deps.clock();
  const sessionIds = await deps.store.sessions.sessionsOfCandidate(body.regNo);
  // One answer for an unknown number and a wrong PIN: the API does not tell which numbers exist.
  if (sessionIds.length === 0) throw userError('INVALID_CREDENTIALS.candidate');
  const sessions = (await Promise.all(sessionIds.map((id) => sessionCache.get(id)))).filter(
    (s): s is Session => s !== undefined,
  );
  // The open session; else, after it closed, the latest closed one still inside its appeal period (read-only).
  const policy = deps.config.appeals ?? BKN_APPEAL_POLICY;
  const session =
    sessions.find((s) => isSessionOpen(s, now)) ??
    sessions
      .filter(
        (s) =>
          s.cancelledAt === undefined && s.closesAt <= now && now < readOnlyLoginUntil(s.closesAt, policy),
      )
      .sort((a, b) => b.closesAt - a.closesAt)[0];
  if (!session) {
    throw userError('SESSION_NOT_OPEN');
  }
  const closed = !isSessionOpen(session, now);
  if (!session.pinsReleased) {
    throw userError('PINS_NOT_RELEASED');
  }
  // The roster key is the registration number, so an entry found has entry.regNo === body.regNo: the attempt id
  // is known before the read, and entry and attempt come in one round trip (the start spike is all logins).
  const attemptId = attemptIdFor(deps.config.pinPepper, session.id, body.regNo);
  const { entry, attempt: stored } = await deps.store.sessions.rosterEntryAndAttempt(
    session.id,
    body.regNo,
    attemptId,
  );
  if (!entry || !pinMatches(deps.config.pinPepper, body.pin, entry.pinHash))
    throw userError('INVALID_CREDENTIALS.candidate');
  // One device per attempt: a live attempt admits a new login only through a proctor-approved handover.
  const dn = deps.randomHex(16);
  const live = stored !== undefined && acceptsAnswersAt(stored, now, deps.config.graceMs);
  // After close, a candidate whose attempt still runs (started late) logs in as usual; anyone else read-only.
  if (closed && !live) {
    const exp = Math.floor(now / 1000) + deps.config.candidateTokenTtlSeconds;
    const token = await signToken(
      {
        role: 'candidate',
        sub: entry.regNo,
        sid: session.id,
        aid: attemptId,
        dev: stored?.deviceEpoch ?? 1,
        ro: true,
        exp,
      },
      deps.config.jwtSecret,
    );
    if (stored) attemptCache.set(stored);
    return { token, attemptId, sessionId: session.id, name: entry.name, readOnly: true, serverTime: now };
  }
  let existing = stored;
  switch (admitLogin(stored, live)) {
    case 'deviceActive':
      throw userError('DEVICE_ACTIVE');
    case 'handover':
      // Conditional on the version read: two logins racing for one handover cannot both bind.
      existing = await deps.store.attempts
        .update(bindHandover(stored as AttemptMeta, dn), (stored as AttemptMeta).version)
        .catch(() => {
          throw userError('DEVICE_ACTIVE');
        });
      break;
    default:
      break;
  }
  if (existing) attemptCache.set(existing);
  // The room monitor shows a logged-in candidate without an attempt as 'ready' (one small write per login).
  else await deps.store.room.recordLogin({ sessionId: session.id, attemptId, at: now });
  const exp = Math.floor(now / 1000) + deps.config.candidateTokenTtlSeconds;
  const token = await signToken(
    {
      role: 'candidate',
      sub: entry.regNo,
      sid: session.id,
      aid: attemptId,
      dev: existing?.deviceEpoch ?? 1,
      dn,
      exp,
    },
    deps.config.jwtSecret,
  );
  return { token, attemptId, sessionId: session.id, name: entry.name, serverTime: now };
};
