// Shared API envelope schemas: error body, server time, ids.
import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field messages from zod, keyed by dotted path. */
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, dot, underscore and dash');
export const regNo = z
  .string()
  .trim()
  .min(4)
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/, 'registration number: letters, digits and dash');

/** Every response carries server time (ms) so the client can correct for clock skew. */
export const withServerTime = { serverTime: z.number().int() };
