// Item bank contract: zod schemas for items as imported/exported (JSON and CSV) and stored.
import { z } from 'zod';
import { id } from './common.ts';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
/** Weighted items: every weight is a whole number in 1..5 (TKP 1–5; PPPK uses the 1–4 part of it). */
export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 5;

export const difficulty = z.enum(['easy', 'medium', 'hard']);

export const itemOption = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{1,8}$/, 'option id: 1–8 lowercase letters or digits'),
  text: z.string().trim().min(1, 'option text is empty').max(2000),
  image: z.string().min(1).max(500).optional(),
});

const base = {
  id,
  /** Ignored on import: the target bank wins. */
  bankId: id.optional(),
  category: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'category: 1–32 letters, digits, _ or -'),
  difficulty: difficulty.optional(),
  stem: z.string().trim().min(1, 'stem is empty').max(10_000),
  image: z.string().min(1).max(500).optional(),
};

const options = z
  .array(itemOption)
  .min(MIN_OPTIONS, `at least ${MIN_OPTIONS} options`)
  .max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`)
  .superRefine((opts, ctx) => {
    const seen = new Set<string>();
    for (const o of opts) {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', message: `duplicate option id ${o.id}` });
      seen.add(o.id);
    }
  });

export const singleItemInput = z
  .strictObject({ ...base, kind: z.literal('single'), options, key: z.string().min(1) })
  .superRefine((item, ctx) => {
    if (!item.options.some((o) => o.id === item.key))
      ctx.addIssue({ code: 'custom', path: ['key'], message: `key ${item.key} is not one of the options` });
  });

export const weightedItemInput = z
  .strictObject({ ...base, kind: z.literal('weighted'), options, weights: z.record(z.string(), z.number()) })
  .superRefine((item, ctx) => {
    const ids = new Set(item.options.map((o) => o.id));
    for (const o of item.options)
      if (item.weights[o.id] === undefined)
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `option ${o.id} has no weight` });
    for (const [k, w] of Object.entries(item.weights)) {
      if (!ids.has(k))
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `weight for unknown option ${k}` });
      else if (!Number.isInteger(w) || w < MIN_WEIGHT || w > MAX_WEIGHT)
        ctx.addIssue({
          code: 'custom',
          path: ['weights'],
          message: `weight of option ${k} must be a whole number ${MIN_WEIGHT}–${MAX_WEIGHT}, got ${w}`,
        });
    }
  });

export const likertItemInput = z.strictObject({
  ...base,
  kind: z.literal('likert'),
  trait: z.string().trim().min(1).max(64),
  reverse: z.boolean(),
});

export const speedItemInput = z.strictObject({
  ...base,
  kind: z.literal('speed'),
  columns: z.number().int().min(1).max(100),
  rows: z.number().int().min(1).max(200),
  columnSeconds: z.number().int().min(1).max(600),
});

/** One item as imported (bankId optional) — discriminated by kind. */
export const itemInput = z.discriminatedUnion('kind', [
  singleItemInput,
  weightedItemInput,
  likertItemInput,
  speedItemInput,
]);
export type ItemInput = z.infer<typeof itemInput>;

/** A row problem of an import: 1-based row (CSV: the header is row 1; JSON: the item's position). */
export const importProblem = z.object({ row: z.number().int().positive(), reason: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;
