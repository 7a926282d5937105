// Reads an uploaded CSV (UTF-8 with or without BOM, `;` or `,`) into rows keyed by canonical column names.
import { parse } from 'csv-parse/sync';

/** A problem with the file or one row: line 1 is the header; `column` when one field is at fault. */
export interface CsvProblem {
  line: number;
  column?: string;
  message: string;
}

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Canonical column name -> accepted header spellings (lower case, spaces and dashes read as `_`). */
export type ColumnSpec = Record<string, { aliases: readonly string[]; required: boolean }>;

const normalizeHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** `;` when the header line holds more semicolons than commas (Excel in Indonesia writes `;`), else `,`. */
export const detectDelimiter = (text: string): ';' | ',' => {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
};

/** Bytes -> text: UTF-8 only (a leading BOM is dropped); anything else is a file-level problem. */
export const decodeUtf8 = (bytes: Uint8Array): { text: string } | { problem: CsvProblem } => {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return {
      problem: {
        line: 0,
        message: 'Berkas bukan UTF-8; simpan sebagai "CSV UTF-8" / File is not UTF-8; save as "CSV UTF-8"',
      },
    };
  }
};

/**
 * Parses the whole file. Problems: not UTF-8, not CSV, a required column missing, an unknown or repeated
 * column, a row with a different number of fields. Rows that are entirely empty are skipped.
 */
export function readCsvTable(
  bytes: Uint8Array,
  spec: ColumnSpec,
): { rows: CsvRow[]; problems: CsvProblem[] } {
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) return { rows: [], problems: [decoded.problem] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 0;
    return {
      rows: [],
      problems: [{ line, message: `CSV tidak valid / Invalid CSV: ${(e as Error).message}` }],
    };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], problems: [{ line: 1, message: 'Berkas kosong / Empty file' }] };
  const problems: CsvProblem[] = [];
  const byAlias = new Map<string, string>();
  for (const [name, { aliases }] of Object.entries(spec))
    for (const a of [name, ...aliases]) byAlias.set(normalizeHeader(a), name);
  const columns = head.record.map((h) => byAlias.get(normalizeHeader(h)));
  head.record.forEach((h, i) => {
    const name = columns[i];
    if (name === undefined)
      problems.push({ line: 1, column: h, message: `Kolom tidak dikenal / Unknown column "${h}"` });
    else if (columns.indexOf(name) !== i)
      problems.push({ line: 1, column: name, message: `Kolom ganda / Repeated column "${h}"` });
  });
  for (const [name, { required }] of Object.entries(spec))
    if (required && !columns.includes(name))
      problems.push({
        line: 1,
        column: name,
        message: `Kolom wajib tidak ada / Required column missing: ${name}`,
      });
  if (problems.length > 0) return { rows: [], problems };
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((v) => v === '')) continue;
    if (record.length !== columns.length) {
      problems.push({
        line: info.lines,
        message: `Jumlah kolom ${record.length}, seharusnya ${columns.length} / ${record.length} fields, expected ${columns.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((name, i) => {
      if (name !== undefined) values[name] = record[i] ?? '';
    });
    rows.push({ line: info.lines, values });
  }
  return { rows, problems };
}
