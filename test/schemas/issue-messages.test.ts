// zod issue messages in both languages: the API's field messages and every import's row problems.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { id as idMini } from '../../functions/schemas/common-mini.ts';
import { bilingualIssues } from '../../functions/schemas/issue-messages.ts';

const messages = (schema: z.ZodType, value: unknown): string[] => {
  const r = schema.safeParse(value, { error: bilingualIssues });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('bilingualIssues', () => {
  it.each([
    ['empty name', z.string().min(1), '', 'Terlalu kecil', 'Too small'],
    ['too long', z.string().max(3), 'abcd', 'Terlalu besar', 'Too big'],
    ['not a number', z.coerce.number(), 'x', 'Input tidak valid', 'Invalid input'],
    ['not an option', z.enum(['a', 'b']), 'c', 'Pilihan tidak valid', 'Invalid option'],
    ['unknown key', z.object({}).strict(), { extra: 1 }, 'Kunci tidak dikenali', 'Unrecognized key'],
    ['a missing field', z.object({ name: z.string() }), {}, 'Wajib diisi', 'Required'],
    [
      'null where a string goes',
      z.object({ name: z.string() }),
      { name: null },
      'Input tidak valid',
      'Invalid input',
    ],
  ] as const)('%s: "id / en"', (_name, schema, value, idPart, enPart) => {
    const [m] = messages(schema, value);
    expect(m).toMatch(new RegExp(`^${idPart}.* / ${enPart}`));
  });

  it("a schema's own message wins, and the shared ones are bilingual themselves", () => {
    expect(messages(z.string().regex(/^a$/, 'own'), 'b')).toEqual(['own']);
    const r = zm.safeParse(idMini, 'bad id!', { error: bilingualIssues });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^hanya huruf.* \/ only letters/);
  });

  it('without it zod answers in English only (what the API sent before)', () => {
    const r = z.string().min(1).safeParse('');
    expect(r.error?.issues[0]?.message).toMatch(/^Too small/);
  });
});
