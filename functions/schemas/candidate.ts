// Candidate API contract: login, start, form, answers (autosave), state, submit, result. zod/mini (see common.ts).
import * as z from 'zod/mini';
import { id, regNo, withServerTime } from './common-mini.ts';

export const candidateLoginBody = z.object({
  regNo,
  pin: z.string().check(z.trim(), z.regex(/^[0-9]{6}$/, 'PIN is 6 digits')),
});
export type CandidateLoginBody = z.infer<typeof candidateLoginBody>;

/** What the start screen shows before the clock runs (no item content). */
export const examBrief = z.object({
  title: z.string(),
  /** Duration including the candidate's accommodation minutes. */
  durationMinutes: z.int(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), count: z.int() })),
});
export type ExamBrief = z.infer<typeof examBrief>;

/** GET brief: the start screen and the result slip's header (who, which session, which exam). */
export const attemptBrief = z.object({
  attemptId: id,
  regNo: z.string(),
  name: z.string(),
  sessionId: id,
  sessionTitle: z.string(),
  exam: examBrief,
  ...withServerTime,
});
export type AttemptBrief = z.infer<typeof attemptBrief>;

export const candidateLoginResponse = z.object({
  token: z.string(),
  attemptId: id,
  sessionId: id,
  name: z.string(),
  /** Logged in after the session closed: result and appeal only (no start, no saves). */
  readOnly: z.optional(z.boolean()),
  /** The attempt has been started (before the start, the exam page does not ask for the form). */
  started: z.optional(z.boolean()),
  /**
   * With `started: false`: the start screen's facts, so the exam page goes from the login to its start screen
   * without asking for the state or the brief (two requests and two store reads less per candidate at a spike).
   */
  brief: z.optional(attemptBrief),
  ...withServerTime,
});
export type CandidateLoginResponse = z.infer<typeof candidateLoginResponse>;

/** An option as the candidate sees it: shuffled order, no key, no weight. */
export const publicOption = z.object({ id: z.string(), text: z.string(), image: z.optional(z.string()) });
export const publicItem = z.object({
  itemId: z.string(),
  /** 1-based position in the whole form. */
  number: z.int().check(z.positive()),
  sectionId: z.string(),
  kind: z.enum(['single', 'weighted', 'likert', 'speed']),
  stem: z.string(),
  image: z.optional(z.string()),
  options: z.array(publicOption),
});
export type PublicItem = z.infer<typeof publicItem>;

export const publicForm = z.object({
  attemptId: id,
  examId: id,
  examTitle: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), count: z.int() })),
  items: z.array(publicItem),
  ...withServerTime,
});
export type PublicForm = z.infer<typeof publicForm>;

export const attemptStateView = z.object({
  attemptId: id,
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  deadline: z.nullable(z.int()),
  remainingMs: z.nullable(z.int()),
  deviceEpoch: z.int(),
  /** Highest client seq recorded for this device epoch, so a reloaded page continues after it. */
  lastSeq: z.int(),
  answers: z.record(z.string(), z.nullable(z.string())),
  flags: z.array(z.string()),
  answeredCount: z.int(),
  totalItems: z.int(),
  ...withServerTime,
});
export type AttemptStateView = z.infer<typeof attemptStateView>;

/** POST start: the attempt's state and its form in one answer (GET form is for reloads and resumes). */
export const startResponse = z.extend(attemptStateView, { form: publicForm });
export type StartResponse = z.infer<typeof startResponse>;

/**
 * Highest client seq a device epoch may use. A whole exam writes a few thousand steps (a Kraepelin sheet
 * ≈ 2,500); the bound keeps a bogus seq (e.g. 9,999,999,999) from being recorded, which would leave the device
 * no higher seq to continue with. Refused with 400, nothing written.
 */
export const MAX_CLIENT_SEQ = 1_000_000;
const seq = z.int().check(z.gte(1), z.lte(MAX_CLIENT_SEQ));
export const clientStepInput = z.discriminatedUnion('type', [
  z.object({
    seq,
    type: z.literal('answered'),
    itemId: z.string().check(z.minLength(1), z.maxLength(64)),
    choice: z.nullable(z.string().check(z.maxLength(16))),
  }),
  z.object({
    seq,
    type: z.literal('flagged'),
    itemId: z.string().check(z.minLength(1), z.maxLength(64)),
    flagged: z.boolean(),
  }),
  /** One Kraepelin entry: last digit of the sum of rows `row` and `row + 1` of `column` (0-based). */
  z.object({
    seq,
    type: z.literal('entered'),
    itemId: z.string().check(z.minLength(1), z.maxLength(64)),
    column: z.int().check(z.gte(0), z.lte(99)),
    row: z.int().check(z.gte(0), z.lte(98)),
    digit: z.int().check(z.gte(0), z.lte(9)),
  }),
]);
export type ClientStepInput = z.infer<typeof clientStepInput>;

/**
 * The web client sends `answered` with a save at most this often (the server writes the room monitor's
 * progress at most once per attempt per 60 s; 2 s more keeps two reports from landing inside one window).
 */
export const ANSWERED_REPORT_EVERY_MS = 62_000;

export const saveAnswersBody = z.object({
  steps: z.array(clientStepInput).check(z.minLength(1), z.maxLength(50)),
  /** Items answered on the device after this batch: shown on the room monitor only, never scored. */
  answered: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
});
export type SaveAnswersBody = z.infer<typeof saveAnswersBody>;

export const saveAnswersResponse = z.object({
  /** Seqs durably recorded (including retries that were already recorded). */
  acked: z.array(z.int()),
  /**
   * Seqs among `acked` recorded but refused: Kraepelin entries that reached the server after their
   * column's deadline + grace (or before it opened). They never count; the client drops them too.
   */
  refused: z.optional(z.array(z.int())),
  remainingMs: z.nullable(z.int()),
  /** Piggy-backed attempt state (a save only succeeds while running): an extension shows as a new deadline. */
  state: z.literal('running'),
  deadline: z.nullable(z.int()),
  deviceEpoch: z.int(),
  ...withServerTime,
});
export type SaveAnswersResponse = z.infer<typeof saveAnswersResponse>;

/** How a finished attempt ended, so the candidate is told why (a proctor's reason is shown as written). */
export const attemptEnd = z.object({
  by: z.enum(['candidate', 'proctor', 'system']),
  reason: z.nullable(z.string()),
});
export type AttemptEnd = z.infer<typeof attemptEnd>;

/** Where an exam page opens its push socket (?token=<candidate token>); messages are attemptSignal JSON. */
export const PUSH_PATH = '/ws';

/** The light proctor-signal poll: attempt state from META only (no step log) while the exam runs. */
export const attemptSignal = z.object({
  attemptId: id,
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  deadline: z.nullable(z.int()),
  remainingMs: z.nullable(z.int()),
  deviceEpoch: z.int(),
  ended: z.nullable(attemptEnd),
  ...withServerTime,
});
export type AttemptSignal = z.infer<typeof attemptSignal>;

export const resultView = z.object({
  attemptId: id,
  examId: id,
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      score: z.number(),
      max: z.number(),
      passingGrade: z.nullable(z.number()),
    }),
  ),
  total: z.number(),
  maxTotal: z.number(),
  passed: z.nullable(z.boolean()),
  formationType: z.string(),
  /** Final hash of the step log: the candidate's receipt. */
  receipt: z.string(),
  /** The candidate's pseudonym in published rankings (null when publication keys are not configured). */
  pseudonym: z.optional(z.nullable(z.string())),
  submittedAt: z.int(),
  /**
   * A psych battery's slip (exam scheme PSYCH): per-factor scores and Kraepelin measures from the log. The
   * sections' points (likert sums, 0) are not a psych score, so a psych slip shows these instead.
   */
  psych: z.optional(
    z.object({
      factors: z.array(
        z.object({
          factor: z.string(),
          status: z.enum(['valid', 'invalid']),
          raw: z.nullable(z.number()),
          pomp: z.nullable(z.number()),
        }),
      ),
      speed: z.array(
        z.object({
          panker: z.number(),
          tianker: z.number(),
          jankerRange: z.number(),
          jankerMad: z.number(),
          hanker: z.number(),
        }),
      ),
    }),
  ),
  ...withServerTime,
});
export type ResultView = z.infer<typeof resultView>;
