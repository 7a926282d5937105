// Reads a norm table CSV: instrument, measure, mean, sd, optional n and percentile points p1..p99.
import type { NormRow } from '../../domain/psych/norm-table.ts';
import type { PercentilePoint } from '../../domain/psych/norms.ts';
import { type ColumnSpec, type CsvProblem, readCsvTable } from './csv-table.ts';

/** Percentile point columns: pNN = the raw score at percentile NN (1..99), e.g. p10, p50, p90. */
const POINT_COLUMNS = Array.from({ length: 99 }, (_, i) => `p${i + 1}`);

const SPEC: ColumnSpec = {
  instrument: { aliases: ['instrumen', 'alat'], required: true },
  measure: { aliases: ['ukuran', 'skala', 'scale'], required: true },
  mean: { aliases: ['rerata', 'rata_rata'], required: true },
  sd: { aliases: ['sb', 'simpangan_baku'], required: true },
  n: { aliases: [], required: false },
  ...Object.fromEntries(POINT_COLUMNS.map((c) => [c, { aliases: [], required: false }])),
};

/** A number as Excel writes it: `12.5`, or `12,5` (decimal comma in an Indonesian `;` file). */
const numberOf = (v: string): number | null => {
  const t = v.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
};

/**
 * Rows of the file, or its problems (file-level or per line): mean and sd must be numbers, n an integer when
 * given, a percentile point cell a number or empty. The domain (normTableFromRows) judges the values.
 */
export function readNormCsv(bytes: Uint8Array): { rows: NormRow[]; problems: CsvProblem[] } {
  const table = readCsvTable(bytes, SPEC);
  if (table.problems.length) return { rows: [], problems: table.problems };
  const rows: NormRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { line, values } of table.rows) {
    const bad = (column: string) =>
      problems.push({ line, column, message: `bukan angka / not a number: "${values[column]}"` });
    const mean = numberOf(values.mean ?? '');
    const sd = numberOf(values.sd ?? '');
    const nText = (values.n ?? '').trim();
    const n = nText === '' ? null : numberOf(nText);
    if (mean === null) bad('mean');
    if (sd === null) bad('sd');
    if (nText !== '' && (n === null || !Number.isInteger(n))) bad('n');
    const points: PercentilePoint[] = [];
    for (const c of POINT_COLUMNS) {
      const v = (values[c] ?? '').trim();
      if (v === '') continue;
      const raw = numberOf(v);
      if (raw === null) bad(c);
      else points.push({ percentile: Number(c.slice(1)), raw });
    }
    if (mean !== null && sd !== null)
      rows.push({
        line,
        instrument: (values.instrument ?? '').trim().toLowerCase(),
        measure: (values.measure ?? '').trim(),
        mean,
        sd,
        n: n !== null && Number.isInteger(n) ? n : null,
        points,
      });
  }
  return { rows, problems };
}
