// Item bank import/export as JSON and CSV: all-or-nothing parsing with every problem listed by row.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { Item, ItemKind } from '../../domain/items.ts';
import { checkItem, isItemKind, kindOf } from '../../domain/kinds/registry.ts';
import { id as idSchema } from '../../schemas/common.ts';
import { bilingualIssues } from '../../schemas/issue-messages.ts';
import { type ImportProblem, itemInput } from '../../schemas/items.ts';

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

/**
 * How a kind fits the CSV row: `read` turns its cells into the kind's fields (problems reported, undefined
 * = skip the row), `write` gives its key/weights cells. Kinds without an entry are JSON-only.
 */
interface CsvKind {
  read(
    cell: (c: Column) => string,
    optionCount: number,
    problem: (reason: string) => void,
  ): object | undefined;
  write(item: Item): Partial<Record<Column, string>>;
}

const CSV_KINDS: Partial<Record<ItemKind, CsvKind>> = {
  single: {
    read(cell, _n, problem) {
      if (cell('weights')) problem('weights: not allowed for a single item');
      return { key: cell('key').toLowerCase() };
    },
    write: (it) => ({ key: it.kind === 'single' ? it.key : '' }),
  },
  weighted: {
    read(cell, optionCount, problem) {
      if (cell('key')) problem('key: not allowed for a weighted item (use weights)');
      const ws = cell('weights') === '' ? [] : splitPipes(cell('weights'));
      if (ws.length !== optionCount) {
        problem(`weights: ${ws.length} weights for ${optionCount} options`);
        return undefined;
      }
      const bad = ws.filter((w) => !NUMBER.test(w));
      if (bad.length) {
        problem(`weights: not a number: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
        return undefined;
      }
      const weights: Record<string, number> = {};
      ws.forEach((w, k) => {
        weights[optionLetter(k)] = Number(w);
      });
      return { weights };
    },
    write: (it) => ({
      weights:
        it.kind === 'weighted'
          ? kindOf(it)
              .responses(it)
              .map((id) => String(it.weights[id] ?? ''))
              .join('|')
          : '',
    }),
  },
};
const NUMBER = /^-?\d+(\.\d+)?$/;

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
    const r = itemInput.safeParse(value, { error: bilingualIssues });
    if (!r.success) {
      for (const reason of issueReasons(r.error)) problems.push({ row, reason });
      continue;
    }
    const seen = firstRow.get(r.data.id);
    if (seen !== undefined)
      problems.push({ row, reason: `duplicate id ${r.data.id} (first at row ${seen})` });
    else firstRow.set(r.data.id, row);
    const checked = checkItem(bankId, r.data);
    if (checked.ok) items.push(checked.item);
    else for (const reason of checked.problems) problems.push({ row, reason });
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
    const codec = isItemKind(kind) ? CSV_KINDS[kind] : undefined;
    if (!codec) {
      problems.push({
        row,
        reason: `kind: must be ${Object.keys(CSV_KINDS).join(' or ')} in CSV (likert/speed: use JSON), got ${JSON.stringify(kind)}`,
      });
      return;
    }
    const fields = codec.read(cell, texts.length, (reason) => problems.push({ row, reason }));
    if (!fields) return;
    Object.assign(value, fields);
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
    const codec = CSV_KINDS[it.kind];
    if (!codec || !('options' in it)) {
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
      key: '',
      weights: '',
      ...codec.write(it),
      image: it.image ?? '',
    };
    return CSV_COLUMNS.map((c) => record[c]);
  });
  if (problems.length) throw new DomainError('VALIDATION', problems.join('; '), { problems });
  return stringify([[...CSV_COLUMNS], ...rows]);
}

/** Writes items as a JSON array (2-space indent), every kind and field preserved. */
export const exportBankJson = (items: readonly Item[]): string => `${JSON.stringify(items, null, 2)}\n`;
