// Field messages of zod issues in Bahasa Indonesia and English ("id / en"), like every other message of the API.
// zod/v4/core and its two locale modules only: the candidate bundle (zod/mini) stays without full zod.
import type { $ZodErrorMap } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import id from 'zod/v4/locales/id.js';

const inId = id().localeError;
const inEn = en().localeError;
const text = (m: ReturnType<$ZodErrorMap>): string | undefined => (typeof m === 'string' ? m : m?.message);

/**
 * The per-parse error map (`safeParse(schema, value, { error: bilingualIssues })`): zod's own Indonesian and
 * English wording of an issue joined as "id / en" (a missing value: "Wajib diisi / Required"). A message a schema
 * sets itself (e.g. ID_MESSAGE) wins over it.
 */
export const bilingualIssues: $ZodErrorMap = (issue) => {
  // A missing field or empty CSV cell: zod would say "expected string, received undefined" in both languages.
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Wajib diisi / Required';
  const a = text(inId(issue));
  const b = text(inEn(issue));
  return a && b && a !== b ? `${a} / ${b}` : (b ?? a);
};
