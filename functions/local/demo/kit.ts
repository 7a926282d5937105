// Builders for the demo bank: items with the key or the best answer rotated over option positions.
import type { SingleItem, WeightedItem } from '../../domain/items.ts';

export const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

export const itemId = (category: string, n: number): string =>
  `${category.toLowerCase()}-${String(n).padStart(3, '0')}`;

/** Position of the key of the n-th item (0-based): 1, 3, 0, 2, 4, 1, … — every position equally often. */
export const keyPosition = (n: number, optionCount: number): number => (n * 2 + 1) % optionCount;

/** A single-answer item: `correct` is placed at keyPosition(n), distractors fill the rest in order. */
export function singleOf(
  bankId: string,
  category: string,
  n: number,
  stem: string,
  correct: string,
  distractors: readonly string[],
): SingleItem {
  const texts = [...distractors];
  texts.splice(keyPosition(n, distractors.length + 1), 0, correct);
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
    key: options[keyPosition(n, texts.length)]?.id as string,
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
  const shift = keyPosition(n, k);
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

/** Four distinct wrong numbers for a numeric key: from `candidates` in order, then key+1, key+2, … */
export function numericDistractors(
  key: number,
  candidates: readonly number[],
  fmt = (x: number) => String(x),
): string[] {
  const out: string[] = [];
  const seen = new Set([fmt(key)]);
  const add = (x: number) => {
    const s = fmt(x);
    if (out.length < 4 && Number.isFinite(x) && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  };
  for (const c of candidates) add(c);
  for (let i = 1; out.length < 4; i++) {
    add(key + i);
    add(key - i);
  }
  return out;
}

/** Indonesian thousands separator: 1250000 -> "1.250.000". */
export const rupiah = (x: number): string =>
  `Rp${Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
