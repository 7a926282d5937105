// Builders for the demo bank: keys and best answers at seeded positions, numeric distractors that hide the key.
import type { SingleItem, WeightedItem } from '../../domain/items.ts';
import { createPrng, shuffle } from '../../domain/prng.ts';
import { sha256Hex } from '../../domain/seed.ts';

export const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

export const itemId = (category: string, n: number): string =>
  `${category.toLowerCase()}-${String(n).padStart(3, '0')}`;

/** A PRNG stream of its own for each demo decision, seeded by a label (deterministic, no formula to read). */
const streamOf = (label: string): (() => number) => createPrng(sha256Hex(`seleksi-demo|${label}`));

/**
 * Position of the key of the n-th item of a category (0-based): items come in blocks of `optionCount`; each
 * block places its keys by a seeded shuffle of the positions, so every position holds the key equally
 * often (per full block) and no formula of n gives it away.
 */
export const keyPosition = (category: string, n: number, optionCount: number): number => {
  const block = Math.floor(n / optionCount);
  const order = shuffle(
    Array.from({ length: optionCount }, (_, i) => i),
    streamOf(`key|${category}|${optionCount}|${block}`),
  );
  return order[n % optionCount] as number;
};

/** A single-answer item: `correct` is placed at keyPosition(category, n), distractors fill the rest in order. */
export function singleOf(
  bankId: string,
  category: string,
  n: number,
  stem: string,
  correct: string,
  distractors: readonly string[],
): SingleItem {
  const texts = [...distractors];
  const at = keyPosition(category, n, distractors.length + 1);
  texts.splice(at, 0, correct);
  if (new Set(texts).size !== texts.length)
    throw new Error(`demo item ${category} #${n}: duplicate options ${texts.join(' / ')}`);
  const options = texts.map((text, i) => ({ id: LETTERS[i] as string, text }));
  return {
    id: itemId(category, n + 1),
    bankId,
    category,
    kind: 'single',
    stem,
    options,
    key: options[at]?.id as string,
  };
}

/**
 * A weighted item: responses listed best first get weights top, top-1, …; shown rotated by n so the best
 * response moves over the positions. top = number of responses (5 for TKP 1–5, 4 for PPPK 1–4).
 */
export function weightedOf(
  bankId: string,
  category: string,
  n: number,
  stem: string,
  bestFirst: readonly string[],
): WeightedItem {
  const k = bestFirst.length;
  const shift = keyPosition(category, n, k);
  const options: WeightedItem['options'] = [];
  const weights: Record<string, number> = {};
  for (let pos = 0; pos < k; pos++) {
    const rank = (pos - shift + k) % k; // the best (rank 0) lands at position `shift`
    const id = LETTERS[pos] as string;
    options.push({ id, text: bestFirst[rank] as string });
    weights[id] = k - rank;
  }
  return { id: itemId(category, n + 1), bankId, category, kind: 'weighted', stem, options, weights };
}

/**
 * Four distinct wrong numbers for a numeric key, placed so that the key's rank among the five options is
 * uniform (seeded by `label`): r of them below the key and 4 − r above, so picking the median, the highest
 * or the lowest number scores no better than chance. Plausible `candidates` come first on their side, then
 * key ∓ step·i with step = the nearest candidate's distance (at least 1). When the key is not negative,
 * no distractor is (r is lowered when too few fit below).
 */
export function numericDistractors(
  label: string,
  key: number,
  candidates: readonly number[],
  fmt = (x: number) => String(x),
): string[] {
  const gaps = candidates.map((c) => Math.abs(c - key)).filter((g) => Number.isFinite(g) && g > 0);
  const step = Math.max(1, gaps.length ? Math.min(...gaps) : 1);
  const seen = new Set([fmt(key)]);
  const side = (below: boolean): string[] => {
    const out: string[] = [];
    const add = (x: number) => {
      const s = fmt(x);
      if (!Number.isFinite(x) || seen.has(s) || (key >= 0 && x < 0)) return;
      if (below ? x >= key : x <= key) return;
      seen.add(s);
      out.push(s);
    };
    for (const c of candidates) add(c);
    for (let i = 1; i <= 12 && out.length < 4; i++) add(below ? key - step * i : key + step * i);
    return out;
  };
  const below = side(true);
  const above = side(false);
  const wanted = Math.floor(streamOf(`rank|${label}`)() * 5);
  const r = Math.min(wanted, below.length);
  const picked = [...below.slice(0, r), ...above.slice(0, 4 - r)];
  if (picked.length < 4) throw new Error(`demo item ${label}: too few distractors for ${key}`);
  return picked;
}

/** Indonesian thousands separator: 1250000 -> "1.250.000". */
export const rupiah = (x: number): string =>
  `Rp${Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
