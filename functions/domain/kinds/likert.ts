// Kind `likert`: a statement rated 1–5; points = the rating, or 6 − rating when the item is reverse-keyed.
import type { ItemBase } from '../items.ts';
import { nonEmptyString } from './check.ts';
import type { ItemKindModule } from './kind.ts';

export interface LikertItem extends ItemBase {
  kind: 'likert';
  /** The trait (scale) the item belongs to, e.g. "C" for conscientiousness. */
  trait: string;
  /** Reverse-keyed: agreeing counts against the trait. */
  reverse: boolean;
}

/** The scale's response ids, lowest to highest (1 = sangat tidak setuju … 5 = sangat setuju). */
export const LIKERT_SCALE = ['1', '2', '3', '4', '5'] as const;
const TOP = LIKERT_SCALE.length + 1;

export const likertKind: ItemKindModule<LikertItem> = {
  kind: 'likert',
  parse(base, value) {
    const problems: string[] = [];
    if (!nonEmptyString(value.trait)) problems.push('trait: missing');
    if (typeof value.reverse !== 'boolean') problems.push('reverse: must be true or false');
    if (problems.length) return { ok: false, problems };
    return {
      ok: true,
      item: { ...base, kind: 'likert', trait: value.trait as string, reverse: value.reverse as boolean },
    };
  },
  responses: () => [...LIKERT_SCALE],
  /** A rating scale keeps its order on every form. */
  shuffled: false,
  points(item, response) {
    const x = (LIKERT_SCALE as readonly string[]).indexOf(response) + 1;
    if (x === 0) return 0;
    return item.reverse ? TOP - x : x;
  },
  max: () => LIKERT_SCALE.length,
  /** The client renders the scale's labels in the candidate's language. */
  shown: () => null,
};
