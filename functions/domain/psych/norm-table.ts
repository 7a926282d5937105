// An imported norm table: rows (instrument, measure, mean, sd, optional n and percentile points) -> NormTable.
import { DomainError } from '../errors.ts';
import { type NormTable, type PercentilePoint, type ScaleNorm, scaleNormProblem } from './norms.ts';

/** Instruments a norm table may norm, and the measures each has (big5: any factor name of the bank). */
export const NORM_INSTRUMENTS = ['big5', 'kraepelin'] as const;
export type NormInstrument = (typeof NORM_INSTRUMENTS)[number];
export const KRAEPELIN_NORM_MEASURES = ['panker', 'tianker', 'jankerMad', 'hanker'] as const;

export interface NormRow {
  /** 1-based line of the row in its file, for messages. */
  line: number;
  instrument: string;
  measure: string;
  mean: number;
  sd: number;
  n: number | null;
  points: PercentilePoint[];
}

/** The key a scale has in a NormTable and in the report: `${instrument}.${measure}`, e.g. big5.extraversion. */
export const scaleKey = (instrument: NormInstrument, measure: string): string => `${instrument}.${measure}`;

/**
 * Builds a table from parsed rows. Each row must name a known instrument (big5, kraepelin), a measure
 * (kraepelin: panker, tianker, jankerMad, hanker; big5: a factor name, letters only) once, and a sound norm
 * (scaleNormProblem). Every problem is reported with its line (details.fields), nothing is half-built.
 */
export function normTableFromRows(id: string, description: string, rows: readonly NormRow[]): NormTable {
  const fields: Record<string, string[]> = {};
  const scales: Record<string, ScaleNorm> = {};
  const fail = (line: number, msg: string) => {
    fields[`line ${line}`] = [...(fields[`line ${line}`] ?? []), msg];
  };
  for (const r of rows) {
    if (!(NORM_INSTRUMENTS as readonly string[]).includes(r.instrument)) {
      fail(r.line, `unknown instrument "${r.instrument}" (big5 or kraepelin)`);
      continue;
    }
    const known =
      r.instrument === 'kraepelin'
        ? (KRAEPELIN_NORM_MEASURES as readonly string[]).includes(r.measure)
        : /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(r.measure);
    if (!known) {
      fail(r.line, `unknown measure "${r.measure}" for ${r.instrument}`);
      continue;
    }
    const key = scaleKey(r.instrument as NormInstrument, r.measure);
    if (scales[key]) {
      fail(r.line, `${key} is listed twice`);
      continue;
    }
    const norm: ScaleNorm = { mean: r.mean, sd: r.sd, n: r.n };
    if (r.points.length) norm.points = [...r.points].sort((a, b) => a.percentile - b.percentile);
    const problem = scaleNormProblem(norm);
    if (problem) fail(r.line, problem);
    else scales[key] = norm;
  }
  if (rows.length === 0) fail(1, 'the table has no rows');
  if (Object.keys(fields).length)
    throw new DomainError(
      'VALIDATION',
      `norm table ${id} refused`,
      { fields },
      { key: 'VALIDATION.normTable' },
    );
  return { id, description, scales };
}
