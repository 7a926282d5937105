// Appeal (sanggahan) contract: the stored shape as the API returns it, the candidate's filing, the admin's answer.
// zod/mini: the candidate Lambda parses the filing body with it (common-mini.ts).
import * as z from 'zod/mini';
import { id, withServerTime } from './common-mini.ts';

export const appealView = z.object({
  attemptId: id,
  sessionId: id,
  regNo: z.string(),
  text: z.string(),
  filedAt: z.int(),
  fileUntil: z.int(),
  answerBy: z.int(),
  status: z.enum(['open', 'upheld', 'rejected']),
  resolution: z.optional(
    z.object({
      decision: z.enum(['upheld', 'rejected']),
      reason: z.string(),
      by: z.string(),
      at: z.int(),
      late: z.boolean(),
    }),
  ),
});
export type AppealView = z.infer<typeof appealView>;

/** The candidate's filing: what went wrong (a system error), in their words. */
export const appealBody = z.object({ text: z.string().check(z.trim(), z.minLength(10), z.maxLength(2000)) });

/** GET the candidate's own appeal: the appeal (or null) and the window. */
export const candidateAppealResponse = z.object({
  appeal: z.nullable(appealView),
  fileUntil: z.int(),
  answerBy: z.int(),
  canFile: z.boolean(),
  ...withServerTime,
});

export const appealResolveBody = z.object({
  decision: z.enum(['upheld', 'rejected']),
  reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000)),
});

export const appealListResponse = z.object({ appeals: z.array(appealView), ...withServerTime });
export const appealResponse = z.object({ appeal: appealView, ...withServerTime });
