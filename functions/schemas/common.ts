// Shared API envelope schemas: error body, server time, ids. zod/mini: the candidate Lambda's hot path
// (login, save) parses with these, and full zod alone would be ≈ 450 KB of its bundle (docs/deploy.md).
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Full zod loads its English messages itself; zod/mini needs them said once (same field messages either way).
z.config(en());

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field messages from zod, keyed by dotted path. */
    fields: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const id = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, dot, underscore and dash'),
  );
export const regNo = z
  .string()
  .check(
    z.trim(),
    z.minLength(4),
    z.maxLength(32),
    z.regex(/^[A-Za-z0-9-]+$/, 'registration number: letters, digits and dash'),
  );

/** Every response carries server time (ms) so the client can correct for clock skew. */
export const withServerTime = { serverTime: z.int() };
