// Registry API contract: formations and candidates (rows as imported, edits, import reports).
import { z } from 'zod';
import { id, regNo } from './common.ts';

export const formationType = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(
    /^[a-z0-9-]+$/,
    'jenis formasi: huruf kecil, angka dan tanda hubung / formation type: lower-case letters, digits and dash (umum, cumlaude, ...)',
  );

export const formation = z.object({
  id,
  position: z.string().trim().min(1).max(200),
  agencyUnit: z.string().trim().min(1).max(200),
  openings: z.coerce.number().int().min(1).max(100_000),
  formationType,
});
export type FormationBody = z.infer<typeof formation>;
/** Editing one formation: everything but the id (which is in the path). */
export const formationEdit = formation.omit({ id: true });

/** A birth date as ISO (YYYY-MM-DD) or as Indonesian Excel writes it (DD/MM/YYYY or DD-MM-YYYY) -> ISO. */
export const birthDate = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
    const date = new Date(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00Z`);
    if (!y || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) {
      ctx.addIssue({ code: 'custom', message: 'tanggal lahir YYYY-MM-DD atau DD/MM/YYYY / birth date' });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });

export const candidateRow = z.object({
  regNo,
  name: z.string().trim().min(1).max(120),
  birthDate,
  formationId: id,
  formationType: formationType.optional(),
  education: z.string().trim().min(1).max(60),
  extraMinutes: z.coerce.number().int().min(0).max(240).default(0),
  sessionId: id.optional(),
});

/**
 * What an opaque candidate-list cursor carries once decoded: the import it pages through and the position of its
 * first row. The wire form is base64url JSON; clients pass it back unchanged (services/candidate-list.ts).
 */
export const candidateCursor = z
  .object({ i: z.string().regex(/^[0-9a-f]{24}$/), p: z.number().int().min(0).max(10_000_000) })
  .strict();
export type CandidateCursor = z.infer<typeof candidateCursor>;

/** GET /api/admin/candidates: an opaque cursor from a previous page (none = the first page), page size. */
export const candidatePageQuery = z
  .object({
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const importProblem = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;
