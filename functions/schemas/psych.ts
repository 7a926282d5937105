// Psych API contract: the Kraepelin sheet a candidate opens, and the confidential psych report.
import { z } from 'zod';
import { id, withServerTime } from './common.ts';

export const speedParams = z.object({ attemptId: id, itemId: id });

export const speedEntry = z.object({
  column: z.number().int().min(0),
  row: z.number().int().min(0),
  digit: z.number().int().min(0).max(9),
});

/** The sheet: digits per column (top to bottom), the server's start time, entries already counted. */
export const speedSheetView = z.object({
  attemptId: id,
  itemId: id,
  digits: z.array(z.array(z.number().int())),
  columnSeconds: z.number().int(),
  /** Server time (ms) the sheet opened; column c closes at startedAt + (c + 1) · columnSeconds s. */
  startedAt: z.number().int(),
  graceMs: z.number().int(),
  /** Counted entries so far (the last per cell), so a reloaded page continues where it was. */
  entries: z.array(speedEntry),
  /** Highest client seq recorded for this device epoch. */
  lastSeq: z.number().int(),
  ...withServerTime,
});
export type SpeedSheetView = z.infer<typeof speedSheetView>;

const normed = z.object({
  z: z.number(),
  t: z.number(),
  percentile: z.number(),
  category: z.enum(['low', 'average', 'high']),
});
export type NormedView = z.infer<typeof normed>;

export const psychReportView = z.object({
  attemptId: id,
  examId: id,
  examTitle: z.string(),
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  /** Always true: psych results are never published (rankings, scoreboards and publications filter on it). */
  confidential: z.literal(true),
  factors: z.array(
    z.object({
      factor: z.string(),
      status: z.enum(['valid', 'invalid']),
      items: z.number().int(),
      answered: z.number().int(),
      blanks: z.number().int(),
      raw: z.number().nullable(),
      pomp: z.number().nullable(),
      reason: z.string().nullable(),
      norm: normed.nullable(),
    }),
  ),
  speed: z.array(
    z.object({
      itemId: z.string(),
      columns: z.number().int(),
      columnSeconds: z.number().int(),
      startedAt: z.number().int().nullable(),
      curve: z.array(z.number().int()),
      errors: z.array(z.number().int()),
      skipped: z.array(z.number().int()),
      panker: z.number(),
      tianker: z.number(),
      jankerRange: z.number(),
      jankerMad: z.number(),
      hanker: z.number(),
      norms: z.record(z.string(), normed),
    }),
  ),
  /** The norm group the z/T/percentiles come from; null when too small (fewer than 2 finished attempts). */
  normGroup: z.object({ description: z.string(), n: z.number().int() }).nullable(),
  ...withServerTime,
});
export type PsychReportView = z.infer<typeof psychReportView>;
