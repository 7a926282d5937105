// Psych API contract: the Kraepelin sheet a candidate opens, and the confidential psych report.
// zod/mini: the candidate Lambda parses with these (see common.ts).
import * as z from 'zod/mini';
import { id, withServerTime } from './common-mini.ts';

export const speedParams = z.object({ attemptId: id, itemId: id });

export const speedEntry = z.object({
  column: z.int().check(z.gte(0)),
  row: z.int().check(z.gte(0)),
  digit: z.int().check(z.gte(0), z.lte(9)),
});

/** The sheet: digits per column (top to bottom), the server's start time, entries already counted. */
export const speedSheetView = z.object({
  attemptId: id,
  itemId: id,
  digits: z.array(z.array(z.int())),
  columnSeconds: z.int(),
  /** Server time (ms) the sheet opened; column c closes at startedAt + pausedMs + (c + 1) · columnSeconds s. */
  startedAt: z.int(),
  /** Milliseconds the attempt was paused since the sheet opened (completed pauses): shifts every column. */
  pausedMs: z.int(),
  graceMs: z.int(),
  /** Counted entries so far (the last per cell), so a reloaded page continues where it was. */
  entries: z.array(speedEntry),
  /** Highest client seq recorded for this device epoch. */
  lastSeq: z.int(),
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
  /** The candidate's registration number (the staff screen names the candidate by it). */
  regNo: z.string(),
  examId: id,
  examTitle: z.string(),
  state: z.enum(['ready', 'running', 'paused', 'submitted', 'expired']),
  /** Always true: psych results are never published (rankings, scoreboards and publications filter on it). */
  confidential: z.literal(true),
  factors: z.array(
    z.object({
      factor: z.string(),
      status: z.enum(['valid', 'invalid']),
      items: z.int(),
      answered: z.int(),
      blanks: z.int(),
      raw: z.nullable(z.number()),
      pomp: z.nullable(z.number()),
      reason: z.nullable(z.string()),
      norm: z.nullable(normed),
    }),
  ),
  speed: z.array(
    z.object({
      itemId: z.string(),
      columns: z.int(),
      columnSeconds: z.int(),
      startedAt: z.nullable(z.int()),
      curve: z.array(z.int()),
      errors: z.array(z.int()),
      skipped: z.array(z.int()),
      panker: z.number(),
      tianker: z.number(),
      jankerRange: z.number(),
      jankerMad: z.number(),
      hanker: z.number(),
      norms: z.record(z.string(), normed),
    }),
  ),
  /**
   * The norm group the z/T/percentiles come from: the exam's finished candidates of the session, or an
   * imported table (n: null when the table does not say); null when the candidates are too few (< 2).
   */
  normGroup: z.nullable(
    z.object({ kind: z.enum(['candidates', 'table']), description: z.string(), n: z.nullable(z.int()) }),
  ),
  /** Category cut-offs on the T scale in force for this exam: T < lowBelow low, T > highAbove high. */
  cutoffs: z.object({ lowBelow: z.number(), highAbove: z.number() }),
  ...withServerTime,
});
export type PsychReportView = z.infer<typeof psychReportView>;

/** The psych SKB component per candidate (admins only; the `psikotes` column of the SKB score import). */
export const psychSkbComponentView = z.object({
  examId: id,
  component: z.string(),
  measure: z.enum(['meanPomp', 'meanT']),
  normSource: z.enum(['candidates', 'table']),
  rows: z.array(
    z.object({
      regNo: z.string(),
      attemptId: z.string(),
      /** 0..100 with at most 3 decimals; null when it cannot be formed (reason). */
      value: z.nullable(z.number()),
      reason: z.nullable(z.enum(['noValidFactor', 'noNorm'])),
    }),
  ),
  ...withServerTime,
});
export type PsychSkbComponentView = z.infer<typeof psychSkbComponentView>;

/** Psych exams for the staff report screen (admins and auditors). */
export const psychExamsView = z.object({
  exams: z.array(z.object({ id: z.string(), title: z.string() })),
  ...withServerTime,
});
export type PsychExamsView = z.infer<typeof psychExamsView>;

/** Finished attempts of a psych exam, to open each candidate's report (admins and auditors). */
export const psychAttemptsView = z.object({
  attempts: z.array(
    z.object({
      attemptId: z.string(),
      regNo: z.string(),
      sessionId: z.string(),
      sessionTitle: z.string(),
      state: z.enum(['submitted', 'expired']),
      submittedAt: z.nullable(z.int()),
    }),
  ),
  ...withServerTime,
});
export type PsychAttemptsView = z.infer<typeof psychAttemptsView>;
