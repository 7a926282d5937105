// Item bank import/export as JSON and CSV: all-or-nothing parsing with every problem listed by row.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { id as idSchema } from '../schemas/common.ts';
import { type ImportProblem, type ItemInput, itemInput } from '../schemas/items.ts';
import { DomainError } from './errors.ts';
import type { Item, ItemOption } from './items.ts';

/** CSV columns in export order. Required on import: id, category, kind, stem, options. */
export const CSV_COLUMNS = [
  'id',
  'category',
  'kind',
  'difficulty',
  'stem',
  'options',
  'key',
  'weights',
  'image',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['id', 'category', 'kind', 'stem', 'options'];

/** Option ids in CSV are positional letters: the first option is 'a'. */
export const optionLetter = (i: number): string => String.fromCharCode(97 + i);

/** Splits on '|' (surrounding spaces trimmed); a literal pipe inside a text is written '\|'. */
export function splitPipes(cell: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '\\' && cell[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  parts.push(cur.trim());
  return parts;
}

const escapePipes = (text: string): string => text.replaceAll('|', '\\|');

const fail = (source: string, problems: ImportProblem[]): never => {
  throw new DomainError(
    'INVALID_ITEM',
    `${problems.length} problem(s) in ${source}: ${problems
      .slice(0, 3)
      .map((p) => `row ${p.row}: ${p.reason}`)
      .join('; ')}${problems.length > 3 ? '; …' : ''}`,
    { rows: problems },
  );
};

const issueReasons = (error: z.ZodError): string[] =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));

/** Validated input -> domain Item in the target bank (explicit fields: no stray undefined members). */
function toItem(bankId: string, v: ItemInput): Item {
  const base = {
    id: v.id,
    bankId,
    category: v.category,
    stem: v.stem,
    ...(v.difficulty ? { difficulty: v.difficulty } : {}),
    ...(v.image ? { image: v.image } : {}),
  };
  const opts = (os: ItemOption[]): ItemOption[] =>
    os.map((o) => (o.image ? { id: o.id, text: o.text, image: o.image } : { id: o.id, text: o.text }));
  switch (v.kind) {
    case 'single':
      return { ...base, kind: 'single', options: opts(v.options), key: v.key };
    case 'weighted':
      return { ...base, kind: 'weighted', options: opts(v.options), weights: { ...v.weights } };
    case 'likert':
      return { ...base, kind: 'likert', trait: v.trait, reverse: v.reverse };
    case 'speed':
      return { ...base, kind: 'speed', columns: v.columns, rows: v.rows, columnSeconds: v.columnSeconds };
  }
}

function checkBankId(bankId: string): void {
  if (!idSchema.safeParse(bankId).success)
    throw new DomainError('VALIDATION', `invalid bank id ${JSON.stringify(bankId)}`);
}

/** Validates candidates (with their row numbers); returns items or throws INVALID_ITEM listing every problem. */
function validateAll(
  bankId: string,
  source: string,
  candidates: Array<{ row: number; value: unknown }>,
  problems: ImportProblem[],
): Item[] {
  const items: Item[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, value } of candidates) {
    const r = itemInput.safeParse(value);
    if (!r.success) {
      for (const reason of issueReasons(r.error)) problems.push({ row, reason });
      continue;
    }
    const seen = firstRow.get(r.data.id);
    if (seen !== undefined)
      problems.push({ row, reason: `duplicate id ${r.data.id} (first at row ${seen})` });
    else firstRow.set(r.data.id, row);
    items.push(toItem(bankId, r.data));
  }
  if (problems.length)
    fail(
      source,
      problems.sort((a, b) => a.row - b.row),
    );
  return items;
}

/**
 * Parses a bank CSV (header row required; columns by name, any order; see CSV_COLUMNS). One row per
 * single/weighted item: options = texts separated by '|' (ids a, b, c… by position); key = option letter
 * (single); weights = numbers separated by '|' in option order (weighted). Blank rows are skipped. Rows are
 * numbered from 1 = the header. Any problem -> DomainError INVALID_ITEM with details.rows = every problem.
 */
export function parseBankCsv(bankId: string, text: string): Item[] {
  checkBankId(bankId);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    const lines = (e as { lines?: unknown }).lines;
    return fail('bank CSV', [{ row: typeof lines === 'number' ? lines : 1, reason: (e as Error).message }]);
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const headerProblems: string[] = [];
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h))
      headerProblems.push(`unknown column ${JSON.stringify(h)}`);
    else if (index.has(h as Column)) headerProblems.push(`duplicate column ${h}`);
    else index.set(h as Column, i);
  });
  for (const c of REQUIRED) if (!index.has(c)) headerProblems.push(`missing column ${c}`);
  if (headerProblems.length)
    return fail(
      'bank CSV',
      headerProblems.map((reason) => ({ row: 1, reason })),
    );

  const problems: ImportProblem[] = [];
  const candidates: Array<{ row: number; value: unknown }> = [];
  records.slice(1).forEach((rec, i) => {
    const row = i + 2;
    if (rec.every((c) => c.trim() === '')) return;
    if (rec.length !== header.length) {
      problems.push({ row, reason: `expected ${header.length} columns, got ${rec.length}` });
      return;
    }
    const cell = (c: Column): string => {
      const k = index.get(c);
      return k === undefined ? '' : (rec[k] ?? '').trim();
    };
    const kind = cell('kind').toLowerCase();
    const texts = cell('options') === '' ? [] : splitPipes(cell('options'));
    const value: Record<string, unknown> = {
      id: cell('id'),
      category: cell('category'),
      kind,
      stem: cell('stem'),
      options: texts.map((t, k) => ({ id: optionLetter(k), text: t })),
    };
    if (cell('difficulty')) value.difficulty = cell('difficulty').toLowerCase();
    if (cell('image')) value.image = cell('image');
    if (kind === 'single') {
      value.key = cell('key').toLowerCase();
      if (cell('weights')) problems.push({ row, reason: 'weights: not allowed for a single item' });
    } else if (kind === 'weighted') {
      if (cell('key')) problems.push({ row, reason: 'key: not allowed for a weighted item (use weights)' });
      const ws = cell('weights') === '' ? [] : splitPipes(cell('weights'));
      if (ws.length !== texts.length) {
        problems.push({ row, reason: `weights: ${ws.length} weights for ${texts.length} options` });
        return;
      }
      const weights: Record<string, number> = {};
      ws.forEach((w, k) => {
        weights[optionLetter(k)] = /^-?\d+(\.\d+)?$/.test(w) ? Number(w) : Number.NaN;
      });
      const bad = ws.filter((w) => !/^-?\d+(\.\d+)?$/.test(w));
      if (bad.length) {
        problems.push({
          row,
          reason: `weights: not a number: ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
        });
        return;
      }
      value.weights = weights;
    } else {
      problems.push({
        row,
        reason: `kind: must be single or weighted in CSV (likert/speed: use JSON), got ${JSON.stringify(kind)}`,
      });
      return;
    }
    candidates.push({ row, value });
  });
  return validateAll(bankId, 'bank CSV', candidates, problems);
}

/**
 * Parses a bank JSON value: an array of items or { items: [...] }. bankId members are ignored (the target
 * bank wins). Rows are the 1-based positions in the array. Any problem -> INVALID_ITEM listing every one.
 */
export function parseBankJson(bankId: string, value: unknown): Item[] {
  checkBankId(bankId);
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items)
      ? ((value as { items: unknown[] }).items as unknown[])
      : undefined;
  if (!list)
    return fail('bank JSON', [{ row: 1, reason: 'expected an array of items or { "items": [...] }' }]);
  return validateAll(
    bankId,
    'bank JSON',
    list.map((v, i) => ({ row: i + 1, value: v })),
    [],
  );
}

/**
 * Writes items as CSV (header + one row per item, columns CSV_COLUMNS). Only single/weighted items whose
 * option ids are a, b, c… in order and without option images fit the format; others -> VALIDATION.
 */
export function exportBankCsv(items: readonly Item[]): string {
  const problems: string[] = [];
  const rows = items.map((it) => {
    if (it.kind !== 'single' && it.kind !== 'weighted') {
      problems.push(`${it.id}: ${it.kind} items cannot be written as CSV (use JSON)`);
      return [];
    }
    if (it.options.some((o, k) => o.id !== optionLetter(k)))
      problems.push(`${it.id}: option ids must be a, b, c… in order for CSV`);
    if (it.options.some((o) => o.image))
      problems.push(`${it.id}: option images cannot be written as CSV (use JSON)`);
    const record: Record<Column, string> = {
      id: it.id,
      category: it.category,
      kind: it.kind,
      difficulty: it.difficulty ?? '',
      stem: it.stem,
      options: it.options.map((o) => escapePipes(o.text)).join(' | '),
      key: it.kind === 'single' ? it.key : '',
      weights: it.kind === 'weighted' ? it.options.map((o) => String(it.weights[o.id] ?? '')).join('|') : '',
      image: it.image ?? '',
    };
    return CSV_COLUMNS.map((c) => record[c]);
  });
  if (problems.length) throw new DomainError('VALIDATION', problems.join('; '), { problems });
  return stringify([[...CSV_COLUMNS], ...rows]);
}

/** Writes items as a JSON array (2-space indent), every kind and field preserved. */
export const exportBankJson = (items: readonly Item[]): string => `${JSON.stringify(items, null, 2)}\n`;
