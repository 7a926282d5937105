// Candidate API contract: login, start, form, answers (autosave), state, submit, result.
import { z } from 'zod';
import { id, regNo, withServerTime } from './common.ts';

export const candidateLoginBody = z.object({
  regNo,
  pin: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/, 'PIN is 6 digits'),
});
export type CandidateLoginBody = z.infer<typeof candidateLoginBody>;

/** What the start screen shows before the clock runs (no item content). */
export const examBrief = z.object({
  title: z.string(),
  /** Duration including the candidate's accommodation minutes. */
  durationMinutes: z.number().int(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), count: z.number().int() })),
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
  ...withServerTime,
});
export type CandidateLoginResponse = z.infer<typeof candidateLoginResponse>;

/** An option as the candidate sees it: shuffled order, no key, no weight. */
export const publicOption = z.object({ id: z.string(), text: z.string(), image: z.string().optional() });
export const publicItem = z.object({
  itemId: z.string(),
  /** 1-based position in the whole form. */
  number: z.number().int().positive(),
  sectionId: z.string(),
  kind: z.enum(['single', 'weighted', 'likert', 'speed']),
  stem: z.string(),
  image: z.string().optional(),
  options: z.array(publicOption),
});
export type PublicItem = z.infer<typeof publicItem>;

export const publicForm = z.object({
  attemptId: id,
  examId: id,
  examTitle: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), count: z.number().int() })),
  items: z.array(publicItem),
  ...withServerTime,
});
export type PublicForm = z.infer<typeof publicForm>;

export const attemptStateView = z.object({
  attemptId: id,
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  deadline: z.number().int().nullable(),
  remainingMs: z.number().int().nullable(),
  deviceEpoch: z.number().int(),
  /** Highest client seq recorded for this device epoch, so a reloaded page continues after it. */
  lastSeq: z.number().int(),
  answers: z.record(z.string(), z.string().nullable()),
  flags: z.array(z.string()),
  answeredCount: z.number().int(),
  totalItems: z.number().int(),
  ...withServerTime,
});
export type AttemptStateView = z.infer<typeof attemptStateView>;

/**
 * Highest client seq a device epoch may use. A whole exam writes a few thousand steps (a Kraepelin sheet
 * ≈ 2,500); the bound keeps a bogus seq (e.g. 9,999,999,999) from being recorded, which would leave the device
 * no higher seq to continue with. Refused with 400, nothing written.
 */
export const MAX_CLIENT_SEQ = 1_000_000;
const seq = z.number().int().min(1).max(MAX_CLIENT_SEQ);
export const clientStepInput = z.discriminatedUnion('type', [
  z.object({
    seq,
    type: z.literal('answered'),
    itemId: z.string().min(1).max(64),
    choice: z.string().max(16).nullable(),
  }),
  z.object({ seq, type: z.literal('flagged'), itemId: z.string().min(1).max(64), flagged: z.boolean() }),
  /** One Kraepelin entry: last digit of the sum of rows `row` and `row + 1` of `column` (0-based). */
  z.object({
    seq,
    type: z.literal('entered'),
    itemId: z.string().min(1).max(64),
    column: z.number().int().min(0).max(99),
    row: z.number().int().min(0).max(98),
    digit: z.number().int().min(0).max(9),
  }),
]);
export type ClientStepInput = z.infer<typeof clientStepInput>;

export const saveAnswersBody = z.object({ steps: z.array(clientStepInput).min(1).max(50) });
export type SaveAnswersBody = z.infer<typeof saveAnswersBody>;

export const saveAnswersResponse = z.object({
  /** Seqs durably recorded (including retries that were already recorded). */
  acked: z.array(z.number().int()),
  /**
   * Seqs among `acked` recorded but refused: Kraepelin entries that reached the server after their
   * column's deadline + grace (or before it opened). They never count; the client drops them too.
   */
  refused: z.array(z.number().int()).optional(),
  remainingMs: z.number().int().nullable(),
  /** Piggy-backed attempt state (a save only succeeds while running): an extension shows as a new deadline. */
  state: z.literal('running'),
  deadline: z.number().int().nullable(),
  deviceEpoch: z.number().int(),
  ...withServerTime,
});
export type SaveAnswersResponse = z.infer<typeof saveAnswersResponse>;

/** How a finished attempt ended, so the candidate is told why (a proctor's reason is shown as written). */
export const attemptEnd = z.object({
  by: z.enum(['candidate', 'proctor', 'system']),
  reason: z.string().nullable(),
});
export type AttemptEnd = z.infer<typeof attemptEnd>;

/** The light proctor-signal poll: attempt state from META only (no step log) while the exam runs. */
export const attemptSignal = z.object({
  attemptId: id,
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  deadline: z.number().int().nullable(),
  remainingMs: z.number().int().nullable(),
  deviceEpoch: z.number().int(),
  ended: attemptEnd.nullable(),
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
      passingGrade: z.number().nullable(),
    }),
  ),
  total: z.number(),
  maxTotal: z.number(),
  passed: z.boolean().nullable(),
  formationType: z.string(),
  /** Final hash of the step log: the candidate's receipt. */
  receipt: z.string(),
  /** The candidate's pseudonym in published rankings (null when publication keys are not configured). */
  pseudonym: z.string().nullable().optional(),
  submittedAt: z.number().int(),
  ...withServerTime,
});
export type ResultView = z.infer<typeof resultView>;
