// Psych norm settings of an exam (admin): which norm group its reports use, an imported table (CSV), cut-offs.
import { z } from 'zod';

const cutoffs = z
  .strictObject({ lowBelow: z.number().min(0).max(100), highAbove: z.number().min(0).max(100) })
  .refine((c) => c.lowBelow <= c.highAbove, {
    message: 'lowBelow must not exceed highAbove',
    path: ['lowBelow'],
  });

/** PUT body. source 'table' needs the CSV (instrument, measure, mean, sd, n?, p1..p99?) and a description. */
export const psychNormsBody = z.union([
  z.strictObject({
    source: z.literal('candidates'),
    cutoffs: cutoffs.optional(),
    reason: z.string().trim().min(3).max(500),
  }),
  z.strictObject({
    source: z.literal('table'),
    csv: z.string().min(1).max(200_000),
    description: z.string().trim().min(3).max(200),
    cutoffs: cutoffs.optional(),
    reason: z.string().trim().min(3).max(500),
  }),
]);
export type PsychNormsBody = z.infer<typeof psychNormsBody>;

const scaleNorm = z.object({
  mean: z.number(),
  sd: z.number(),
  n: z.nullable(z.int()),
  points: z.optional(z.array(z.object({ percentile: z.number(), raw: z.number() }))),
});

export const psychNormsView = z.object({
  examId: z.string(),
  source: z.enum(['candidates', 'table']),
  table: z.nullable(
    z.object({ id: z.string(), description: z.string(), scales: z.record(z.string(), scaleNorm) }),
  ),
  cutoffs: z.object({ lowBelow: z.number(), highAbove: z.number() }),
  /** null: never set (the defaults). */
  setAt: z.nullable(z.int()),
  setBy: z.nullable(z.string()),
});
export type PsychNormsView = z.infer<typeof psychNormsView>;

/** Query of the psych SKB component: which measure, and JSON or the CSV the SKB score import reads. */
export const psychSkbComponentQuery = z.strictObject({
  measure: z.enum(['meanPomp', 'meanT']).default('meanT'),
  format: z.enum(['json', 'csv']).default('json'),
});
