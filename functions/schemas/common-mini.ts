// The shared envelope and ids in zod/mini: the candidate Lambda's schemas (login, save, psych) build on these,
// since full zod alone would be ≈ 450 KB of its bundle (docs/deploy.md). common.ts has the full-zod ids.
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

/** Patterns and messages shared with the full-zod ids in common.ts (spelled once, here). */
export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
export const ID_MESSAGE =
  'hanya huruf, angka, titik, garis bawah dan tanda hubung / only letters, digits, dot, underscore and dash';
export const REGNO_PATTERN = /^[A-Za-z0-9-]+$/;
export const REGNO_MESSAGE =
  'nomor peserta: huruf, angka dan tanda hubung / registration number: letters, digits and dash';

export const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(ID_PATTERN, ID_MESSAGE));
export const regNo = z
  .string()
  .check(z.trim(), z.minLength(4), z.maxLength(32), z.regex(REGNO_PATTERN, REGNO_MESSAGE));

/** Every response carries server time (ms) so the client can correct for clock skew. */
export const withServerTime = { serverTime: z.int() };
