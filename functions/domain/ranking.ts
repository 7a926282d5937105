// Ranking of one formation: passing candidates ordered by keys (SKD: total, TKP, TIU, TWK), ties share a rank,
// at most factor × openings advance (all tied at the cut advance); non-passing candidates listed after, unranked.
import { DomainError } from './errors.ts';

/** One candidate to rank: a stable id (pseudonym), whether they met every passing grade, the sort keys. */
export interface RankInput {
  id: string;
  passed: boolean;
  keys: Readonly<Record<string, number>>;
}

export interface Ranked<T extends RankInput> {
  row: T;
  /** 1 + number of passing candidates strictly ahead (competition ranking "1224"); null when not passing. */
  rank: number | null;
  /** rank !== null && rank <= factor × openings. */
  advances: boolean;
}

/** SKD order: total, then TKP, then TIU, then TWK (all descending). */
export const SKD_ORDER: readonly string[] = ['total', 'TKP', 'TIU', 'TWK'];
/** BKN: at most three times the openings of a formation advance to SKB. */
export const ADVANCE_FACTOR = 3;

export interface RankOptions {
  /** Key names compared in order, each descending. Default SKD_ORDER. */
  order?: readonly string[];
  /** Default ADVANCE_FACTOR. */
  factor?: number;
}

const keyOf = (row: RankInput, k: string): number => {
  const v = row.keys[k];
  if (v === undefined || !Number.isFinite(v))
    throw new DomainError('VALIDATION', `candidate ${row.id} has no numeric ${k}`);
  return v;
};

/** < 0 when a ranks ahead of b on the keys (descending), 0 when tied on every key. */
export const compareKeys = (a: RankInput, b: RankInput, order: readonly string[]): number => {
  for (const k of order) {
    const d = keyOf(b, k) - keyOf(a, k);
    if (d !== 0) return d;
  }
  return 0;
};

/** Code-unit order of ids (the order formations and complete ties are listed in). */
export const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Ranks one formation. Output order: passing rows by the keys (complete ties by id, code-unit order, which
 * never changes a rank), then non-passing rows in the same order with rank null. openings: integer >= 0.
 */
export function rankFormation<T extends RankInput>(
  rows: readonly T[],
  openings: number,
  opts: RankOptions = {},
): Ranked<T>[] {
  const order = opts.order ?? SKD_ORDER;
  const factor = opts.factor ?? ADVANCE_FACTOR;
  if (!Number.isSafeInteger(openings) || openings < 0)
    throw new DomainError('VALIDATION', `openings must be an integer >= 0, got ${openings}`);
  if (!Number.isSafeInteger(factor) || factor < 1)
    throw new DomainError('VALIDATION', `advance factor must be an integer >= 1, got ${factor}`);
  const cmp = (a: T, b: T) => compareKeys(a, b, order) || byId(a, b);
  const passing = rows.filter((r) => r.passed).sort(cmp);
  const failing = rows.filter((r) => !r.passed).sort(cmp);
  const cut = factor * openings;
  const out: Ranked<T>[] = [];
  let rank = 0;
  passing.forEach((row, i) => {
    const prev = passing[i - 1];
    if (!prev || compareKeys(prev, row, order) !== 0) rank = i + 1;
    out.push({ row, rank, advances: rank <= cut });
  });
  for (const row of failing) out.push({ row, rank: null, advances: false });
  return out;
}

/** Sort keys of an SKD result: total and the section scores (missing sections count 0). */
export const skdKeys = (
  sections: Readonly<Record<string, number>>,
  total: number,
): Record<string, number> => ({
  total,
  TWK: sections.TWK ?? 0,
  TIU: sections.TIU ?? 0,
  TKP: sections.TKP ?? 0,
});

/** One row to rank within its formation. */
export interface FormationRankInput extends RankInput {
  formationId: string;
}

/**
 * Ranks rows formation by formation: formations in id order (code units), each through rankFormation with
 * its openings and `opts`. A row of a formation not in `formations` -> VALIDATION.
 */
export function rankPerFormation<T extends FormationRankInput>(
  rows: readonly T[],
  formations: readonly { id: string; openings: number }[],
  opts: RankOptions = {},
): Ranked<T>[] {
  const groups = new Map<string, T[]>(formations.map((f) => [f.id, []]));
  for (const r of rows) {
    const g = groups.get(r.formationId);
    if (!g) throw new DomainError('VALIDATION', `row ${r.id} is in unknown formation ${r.formationId}`);
    g.push(r);
  }
  return formations
    .slice()
    .sort(byId)
    .flatMap((f) => rankFormation(groups.get(f.id) ?? [], f.openings, opts));
}
