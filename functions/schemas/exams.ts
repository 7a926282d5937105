// Exams API contract: an exam definition (sections, blueprint, duration, scheme, passing grades, pins), create from a
// preset or by hand, new version, in-place edit of an unused version; bank preview queries.
import { z } from 'zod';
import { id } from './common.ts';
import { difficulty } from './items.ts';

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, '1–32 letters, digits, _ or -');
const snapshotId = z.string().regex(/^[0-9a-f]{64}$/, 'snapshot id: 64 hex digits');
const title = z.string().trim().min(1).max(160);
const score = z.number().min(0).max(100_000);

export const examSchemes = ['SKD', 'PPPK', 'PSYCH'] as const;
export const examPresets = ['SKD', 'PPPK', 'PSYCH'] as const;
export type ExamPresetName = (typeof examPresets)[number];

const draw = z.strictObject({
  category: code,
  count: z.number().int().min(1).max(1000),
  difficulty: difficulty.optional(),
});

const section = z.strictObject({
  id: code,
  title,
  bankId: id,
  draws: z.array(draw).min(1).max(20),
  correctPoints: z.number().int().min(0).max(100),
});

export const passingGradeInput = z.strictObject({
  formationType: code,
  label: z.string().trim().min(1).max(120),
  sections: z.record(code, score),
  total: score.optional(),
});

const unique = <T>(values: T[]): T[] => values.filter((v, i) => values.indexOf(v) !== i);

/** The parts of an exam an admin writes (id and version come from the route or the service). */
export const examDefinition = z
  .strictObject({
    title,
    scheme: z.enum(examSchemes),
    durationMinutes: z.number().int().min(1).max(600),
    sections: z.array(section).min(1).max(20),
    passingGrades: z.array(passingGradeInput).max(30),
    /** bankId -> snapshot id; a bank left out is pinned to its current snapshot. */
    bankSnapshots: z.record(id, snapshotId).optional(),
  })
  .superRefine((d, ctx) => {
    for (const dup of unique(d.sections.map((s) => s.id)))
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `duplicate section id ${dup}` });
    for (const dup of unique(d.passingGrades.map((g) => g.formationType)))
      ctx.addIssue({ code: 'custom', path: ['passingGrades'], message: `duplicate formation type ${dup}` });
    const ids = new Set(d.sections.map((s) => s.id));
    d.passingGrades.forEach((g, i) => {
      for (const s of Object.keys(g.sections))
        if (!ids.has(s))
          ctx.addIssue({
            code: 'custom',
            path: ['passingGrades', i, 'sections'],
            message: `${s} is not a section of this exam`,
          });
    });
    const banks = new Set(d.sections.map((s) => s.bankId));
    for (const b of Object.keys(d.bankSnapshots ?? {}))
      if (!banks.has(b))
        ctx.addIssue({
          code: 'custom',
          path: ['bankSnapshots', b],
          message: `no section draws from bank ${b}`,
        });
  });
export type ExamDefinition = z.infer<typeof examDefinition>;

export const examCreateBody = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('preset'),
    id,
    preset: z.enum(examPresets),
    bankId: id,
    /** Pin this snapshot of the bank; default: its current one. */
    snapshotId: snapshotId.optional(),
    title: title.optional(),
    durationMinutes: z.number().int().min(1).max(600).optional(),
    /** Replaces the preset's passing grades (they change by decree). */
    passingGrades: z.array(passingGradeInput).max(30).optional(),
  }),
  z.strictObject({ source: z.literal('manual'), id, definition: examDefinition }),
]);
export type ExamCreateBody = z.infer<typeof examCreateBody>;

export const examVersionBody = z.strictObject({ definition: examDefinition });
export type ExamVersionBody = z.infer<typeof examVersionBody>;

export const bankPreviewQuery = z.object({
  snapshotId: snapshotId.optional(),
  category: code.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type BankPreviewQuery = z.infer<typeof bankPreviewQuery>;
