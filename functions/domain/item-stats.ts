// Item statistics after a session: difficulty, item-rest point-biserial, distractor counts, section reliability.
// Every item is judged over the candidates who were SERVED it (random forms: an unseen item is not wrong).
// Formulas and a worked example: docs/item-statistics.md.

/** One served item of one candidate: the choice (null = left blank), the points earned and the item's best. */
export interface ServedItem {
  itemId: string;
  sectionId: string;
  choice: string | null;
  score: number;
  maxScore: number;
}

/** A candidate's served items in form order (the order matters only to the split-half estimate). */
export interface CandidateResponses {
  candidateId: string;
  items: readonly ServedItem[];
}

export type ItemFlag = 'negative-discrimination' | 'no-variance';

export interface ItemStat {
  itemId: string;
  sectionId: string;
  /** Candidates served the item. */
  served: number;
  /** Difficulty p = mean(score / maxScore) over those served: proportion correct for a 0/max item. */
  p: number;
  /** Pearson correlation of item score with the rest of the section score (item-rest); null when undefined. */
  pointBiserial: number | null;
  /** Times each option was chosen, by option id. */
  choices: Record<string, number>;
  /** Served but left blank. */
  omitted: number;
  flags: ItemFlag[];
}

/** Which reliability estimate a section got. */
export type ReliabilityMethod =
  /** Fixed form, every item scored 0 or its max: Kuder–Richardson 20 (alpha on dichotomous items). */
  | 'kr20'
  /** Fixed form with polytomous items (e.g. TKP weights 1–5): Cronbach's alpha. */
  | 'alpha'
  /** Random forms: odd/even split of each candidate's own served items, Spearman–Brown corrected. */
  | 'split-half';

export interface SectionReliability {
  sectionId: string;
  method: ReliabilityMethod;
  /** null when undefined (fewer than 2 candidates or items, or zero variance). */
  value: number | null;
  candidates: number;
  /** Fixed form: items on the form. Random forms: items per candidate (the smallest form). */
  itemsPerForm: number;
}

export interface ItemStatistics {
  items: ItemStat[];
  sections: SectionReliability[];
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Population variance (divide by n), the convention of KR-20's p·q. */
export const variance = (xs: readonly number[]): number => {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length;
};

/** Pearson correlation with population moments; null when n < 2 or either side has zero variance. */
export const pearson = (xs: readonly number[], ys: readonly number[]): number | null => {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let cov = 0;
  for (let i = 0; i < xs.length; i++) cov += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
  cov /= xs.length;
  const v = variance(xs) * variance(ys);
  return v <= EPSILON ? null : cov / Math.sqrt(v);
};

const EPSILON = 1e-12;

/** Spearman–Brown for a test twice as long: 2r / (1 + r). */
export const spearmanBrown = (r: number): number => (2 * r) / (1 + r);

const sectionTotals = (c: CandidateResponses): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const it of c.items) totals.set(it.sectionId, (totals.get(it.sectionId) ?? 0) + it.score);
  return totals;
};

function itemStats(candidates: readonly CandidateResponses[]): ItemStat[] {
  const byItem = new Map<string, { sectionId: string; served: Array<{ item: ServedItem; rest: number }> }>();
  for (const c of candidates) {
    const totals = sectionTotals(c);
    for (const it of c.items) {
      const entry = byItem.get(it.itemId) ?? { sectionId: it.sectionId, served: [] };
      entry.served.push({ item: it, rest: (totals.get(it.sectionId) ?? 0) - it.score });
      byItem.set(it.itemId, entry);
    }
  }
  const out: ItemStat[] = [];
  for (const [itemId, { sectionId, served }] of byItem) {
    const choices: Record<string, number> = {};
    let omitted = 0;
    for (const { item } of served) {
      if (item.choice === null) omitted++;
      else choices[item.choice] = (choices[item.choice] ?? 0) + 1;
    }
    const p = mean(served.map(({ item }) => (item.maxScore > 0 ? item.score / item.maxScore : 0)));
    const pointBiserial = pearson(
      served.map((s) => s.item.score),
      served.map((s) => s.rest),
    );
    const flags: ItemFlag[] = [];
    if (pointBiserial === null) flags.push('no-variance');
    else if (pointBiserial < 0) flags.push('negative-discrimination');
    out.push({ itemId, sectionId, served: served.length, p, pointBiserial, choices, omitted, flags });
  }
  return out.sort((a, b) => a.sectionId.localeCompare(b.sectionId) || a.itemId.localeCompare(b.itemId));
}

/** KR-20 / alpha: k/(k-1) · (1 − Σ var(item) / var(total)), population variances, fixed form only. */
function alpha(rows: ReadonlyArray<readonly ServedItem[]>, itemIds: readonly string[]): number | null {
  const k = itemIds.length;
  if (k < 2 || rows.length < 2) return null;
  const scoreOf = (row: readonly ServedItem[], id: string) => row.find((i) => i.itemId === id)?.score ?? 0;
  const itemVar = itemIds.reduce((s, id) => s + variance(rows.map((r) => scoreOf(r, id))), 0);
  const totalVar = variance(rows.map((r) => r.reduce((s, i) => s + i.score, 0)));
  if (totalVar <= EPSILON) return null;
  return (k / (k - 1)) * (1 - itemVar / totalVar);
}

/** Random forms: halves = the candidate's served items at even / odd positions; r(halves) → Spearman–Brown. */
function splitHalf(rows: ReadonlyArray<readonly ServedItem[]>): number | null {
  const half = (row: readonly ServedItem[], parity: number) =>
    row.reduce((s, it, i) => (i % 2 === parity ? s + it.score : s), 0);
  const r = pearson(
    rows.map((row) => half(row, 0)),
    rows.map((row) => half(row, 1)),
  );
  if (r === null || r <= -1 + EPSILON) return null;
  return spearmanBrown(r);
}

function reliability(
  candidates: readonly CandidateResponses[],
  items: readonly ItemStat[],
): SectionReliability[] {
  const sectionIds = [...new Set(items.map((i) => i.sectionId))].sort();
  return sectionIds.map((sectionId) => {
    const rows = candidates
      .map((c) => c.items.filter((i) => i.sectionId === sectionId))
      .filter((row) => row.length > 0);
    const sets = new Set(
      rows.map((row) =>
        row
          .map((i) => i.itemId)
          .sort()
          .join('\u0000'),
      ),
    );
    const fixed = sets.size === 1;
    const itemsPerForm = Math.min(...rows.map((r) => r.length));
    if (fixed) {
      const ids = rows[0]?.map((i) => i.itemId) ?? [];
      const dichotomous = rows.every((row) => row.every((i) => i.score === 0 || i.score === i.maxScore));
      return {
        sectionId,
        method: dichotomous ? 'kr20' : 'alpha',
        value: alpha(rows, ids),
        candidates: rows.length,
        itemsPerForm,
      };
    }
    return { sectionId, method: 'split-half', value: splitHalf(rows), candidates: rows.length, itemsPerForm };
  });
}

/** Item statistics and per-section reliability over the candidates' served items. */
export function computeItemStatistics(candidates: readonly CandidateResponses[]): ItemStatistics {
  const items = itemStats(candidates);
  return { items, sections: reliability(candidates, items) };
}
