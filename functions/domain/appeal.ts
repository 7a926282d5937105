// Appeals (sanggahan) against system errors: the filing window, one appeal per finished attempt, its resolution.
import type { AttemptState } from './attempt.ts';
import { DomainError } from './errors.ts';

export const DAY = 24 * 60 * 60 * 1000;

/** How long after a session closes a candidate may file, and how long after filing closes the answer may take. */
export interface AppealPolicy {
  fileMs: number;
  answerMs: number;
}

/** BKN practice: 3 days to file after the session closes, 7 days (after filing closes) to answer. */
export const BKN_APPEAL_POLICY: AppealPolicy = { fileMs: 3 * DAY, answerMs: 7 * DAY };

export type AppealStatus = 'open' | 'upheld' | 'rejected';
export type AppealDecision = Exclude<AppealStatus, 'open'>;

export interface AppealResolution {
  decision: AppealDecision;
  reason: string;
  /** Staff user id of the admin who answered. */
  by: string;
  at: number;
  /** Answered after `answerBy`. */
  late: boolean;
}

/** The stored appeal (store: PK=APPEALS, SK=APPEAL#attemptId; docs/appeals.md). */
export interface Appeal {
  attemptId: string;
  sessionId: string;
  regNo: string;
  text: string;
  filedAt: number;
  /** Filing closed at (session close + fileMs). */
  fileUntil: number;
  /** Answer due by (fileUntil + answerMs). */
  answerBy: number;
  status: AppealStatus;
  resolution?: AppealResolution;
}

export interface AppealWindow {
  fileUntil: number;
  answerBy: number;
}

export const appealWindow = (closesAt: number, policy: AppealPolicy): AppealWindow => ({
  fileUntil: closesAt + policy.fileMs,
  answerBy: closesAt + policy.fileMs + policy.answerMs,
});

/** Whether a candidate may file now: the attempt is finished and the filing window has not closed. */
export const canFileAppeal = (state: AttemptState | 'absent', now: number, w: AppealWindow): boolean =>
  (state === 'submitted' || state === 'expired') && now < w.fileUntil;

/** Until when a candidate may still log in read-only after the session closed (to see the result and answer). */
export const readOnlyLoginUntil = (closesAt: number, policy: AppealPolicy): number =>
  appealWindow(closesAt, policy).answerBy;

export const fileAppeal = (input: {
  attemptId: string;
  sessionId: string;
  regNo: string;
  state: AttemptState | 'absent';
  closesAt: number;
  text: string;
  now: number;
  policy: AppealPolicy;
}): Appeal => {
  const w = appealWindow(input.closesAt, input.policy);
  if (input.state !== 'submitted' && input.state !== 'expired')
    throw new DomainError('CONFLICT', 'appeal needs a finished attempt', undefined, {
      key: 'CONFLICT.appealNotFinished',
    });
  if (!canFileAppeal(input.state, input.now, w))
    throw new DomainError(
      'CONFLICT',
      'appeal window closed',
      { fileUntil: w.fileUntil },
      {
        key: 'CONFLICT.appealWindowClosed',
      },
    );
  return {
    attemptId: input.attemptId,
    sessionId: input.sessionId,
    regNo: input.regNo,
    text: input.text,
    filedAt: input.now,
    fileUntil: w.fileUntil,
    answerBy: w.answerBy,
    status: 'open',
  };
};

export const resolveAppeal = (
  appeal: Appeal,
  decision: AppealDecision,
  reason: string,
  by: string,
  now: number,
): Appeal => {
  if (appeal.status !== 'open')
    throw new DomainError('CONFLICT', 'appeal already answered', undefined, {
      key: 'CONFLICT.appealAnswered',
    });
  return {
    ...appeal,
    status: decision,
    resolution: { decision, reason, by, at: now, late: now > appeal.answerBy },
  };
};
