// Candidate login: registration number + session PIN (HMAC, constant-time), into a token bound to one attempt.
import { BKN_APPEAL_POLICY, readOnlyLoginUntil } from '../domain/appeal.ts';
import type { AttemptMeta, RosterEntry, Session } from '../domain/attempt.ts';
import { admitLogin, bindHandover } from '../domain/device.ts';
import { isSessionOpen } from '../domain/lifecycle.ts';
import { attemptIdFor } from '../domain/seed.ts';
import { acceptsAnswersAt } from '../domain/timing.ts';
import type { AttemptBrief, CandidateLoginBody, CandidateLoginResponse } from '../schemas/candidate.ts';
import type { CandidateLoginItems } from '../store/login-limits.ts';
import type { AttemptCache } from './attempt-cache.ts';
import { pinMatches } from './auth/pin.ts';
import { signToken } from './auth/tokens.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { CounterRead, LoginLimiter } from './login-limits.ts';
import type { SessionCache } from './session-cache.ts';

/**
 * At most this many open sessions are read in the login's one BatchGetItem (3 counters + 2 items each); with more
 * open at once, the login looks the candidate's sessions up by registration number first (one Query more).
 */
export const OPEN_SESSIONS_READ_MAX = 8;

/**
 * One flow over a list of target sessions: the limiter's first read brings, with its counters in one BatchGetItem,
 * the candidate's roster entry and attempt in each target; past the gate, the PIN is checked against the first
 * target whose roster holds the number. The targets are
 * - while 1..OPEN_SESSIONS_READ_MAX sessions are open: those sessions, by id. Nothing is looked up before the gate;
 *   the first with an entry is the session the lookup would pick. A number on no open roster (unknown, or a closed
 *   session's read-only login) is looked up by registration number after the gate, its items read then.
 * - otherwise: the one session the lookup by registration number gives, looked up before the gate so that its items
 *   come in the same read (what the lookup found, a refusal included, is told only after the gate).
 */
export const loginCandidate = async (
  deps: Deps,
  attemptCache: AttemptCache,
  sessionCache: SessionCache,
  limiter: LoginLimiter,
  body: CandidateLoginBody,
  address: string,
  /** The start screen's facts for a fresh attempt (answered beside `started: false`); none without it. */
  briefOf?: BriefOf,
): Promise<CandidateLoginResponse> => {
  const call: LoginCall = { deps, attemptCache, sessionCache, body, now: deps.clock(), briefOf };
  const open = await sessionCache.openAt(call.now);
  // None open, or too many for one read: the lookup by registration number, here before the gate.
  const lookup =
    open.length > 0 && open.length <= OPEN_SESSIONS_READ_MAX ? undefined : await findSession(call);
  const targets = lookup ? ('session' in lookup ? [lookup] : []) : open.map((s) => targetIn(call, s));
  let found: CandidateLoginItems[] | undefined;
  const read: CounterRead = async (key, window, at) => {
    const r = await deps.store.loginLimits.readCandidateIn(
      key,
      address,
      window,
      at,
      targets.map((t) => ({ sessionId: t.session.id, regNo: body.regNo, attemptId: t.attemptId })),
    );
    found = r.found;
    return r.counters;
  };
  const check = async (): Promise<CandidateLoginResponse> => {
    if (lookup && 'refusal' in lookup) throw userError(lookup.refusal);
    // Read with the limiter's counters in its first round (a retry round re-reads only the counters).
    if (!found) throw new Error('candidate login: roster entries and attempts not read');
    // A looked-up session is the candidate's even without an entry (the PIN check refuses it then).
    const at = lookup ? 0 : found.findIndex((f) => f.entry !== undefined);
    if (at < 0) return checkLookedUp(call);
    const target = targets[at] as Target;
    if (!target.session.pinsReleased) throw userError('PINS_NOT_RELEASED');
    return checkCandidate(call, target, found[at] as CandidateLoginItems);
  };
  // With no target (the lookup refused), the limiter reads its counters alone.
  return limiter.attempt('candidate', body.regNo, address, check, targets.length > 0 ? read : undefined);
};

/** Builds the start screen's facts from what the login has in hand (services/attempts.ts `briefOf`). */
export type BriefOf = (session: Session, entry: RosterEntry, attemptId: string) => Promise<AttemptBrief>;

/** What one login works with. */
interface LoginCall {
  deps: Deps;
  attemptCache: AttemptCache;
  sessionCache: SessionCache;
  body: CandidateLoginBody;
  now: number;
  briefOf: BriefOf | undefined;
}

interface Target {
  session: Session;
  /** The roster key is the registration number, so the attempt id is known before the roster is read. */
  attemptId: string;
}

const targetIn = ({ deps, body }: LoginCall, session: Session): Target => ({
  session,
  attemptId: attemptIdFor(deps.config.pinPepper, session.id, body.regNo),
});

/** The session a login is for, or the refusal to give once the limiter has let the attempt through. */
const findSession = async (
  call: LoginCall,
): Promise<
  Target | { refusal: 'INVALID_CREDENTIALS.candidate' | 'SESSION_NOT_OPEN' | 'PINS_NOT_RELEASED' }
> => {
  const { deps, sessionCache, now } = call;
  const sessionIds = await deps.store.sessions.sessionsOfCandidate(call.body.regNo);
  // One answer for an unknown number and a wrong PIN: the API does not tell which numbers exist.
  if (sessionIds.length === 0) return { refusal: 'INVALID_CREDENTIALS.candidate' };
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
  if (!session) return { refusal: 'SESSION_NOT_OPEN' };
  if (!session.pinsReleased) return { refusal: 'PINS_NOT_RELEASED' };
  return targetIn(call, session);
};

/** Past the gate, with no open roster holding the number: the lookup, then its session's entry and attempt. */
const checkLookedUp = async (call: LoginCall): Promise<CandidateLoginResponse> => {
  const target = await findSession(call);
  if ('refusal' in target) throw userError(target.refusal);
  const [entry, attempt] = await Promise.all([
    call.deps.store.sessions.getRosterEntry(target.session.id, call.body.regNo),
    call.deps.store.attempts.get(target.attemptId, true),
  ]);
  return checkCandidate(call, target, { entry, attempt });
};

const checkCandidate = async (
  { deps, attemptCache, body, now, briefOf }: LoginCall,
  { session, attemptId }: Target,
  { entry, attempt: stored }: CandidateLoginItems,
): Promise<CandidateLoginResponse> => {
  const closed = !isSessionOpen(session, now);
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
  let brief: AttemptBrief | undefined;
  if (existing) attemptCache.set(existing);
  else {
    // The room monitor shows a logged-in candidate without an attempt as 'ready' (one small write per login).
    [, brief] = await Promise.all([
      deps.store.room.recordLogin({ sessionId: session.id, regNo: entry.regNo, attemptId, at: now }),
      briefOf?.(session, entry, attemptId),
    ]);
  }
  const exp = Math.floor(now / 1000) + deps.config.candidateTokenTtlSeconds;
  const token = await signToken(
    {
      role: 'candidate',
      sub: entry.regNo,
      sid: session.id,
      aid: attemptId,
      dev: existing?.deviceEpoch ?? 1,
      dn,
      ros: { fid: entry.formationId, fty: entry.formationType, xm: entry.extraMinutes },
      exp,
    },
    deps.config.jwtSecret,
  );
  return {
    token,
    attemptId,
    sessionId: session.id,
    name: entry.name,
    started: existing !== undefined,
    ...(brief ? { brief } : {}),
    serverTime: now,
  };
};
