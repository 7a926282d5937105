// The one interface every item kind implements: shape check, responses, points, maximum, presentation.
import type { ItemBase, ItemOption } from '../items.ts';

/** Outcome of a kind's shape check: the item built with explicit fields, or every problem found. */
export type KindParse<I> = { ok: true; item: I } | { ok: false; problems: string[] };

/**
 * An item kind owns what is asked and how it is graded; delivery (sections, timers, forms) is separate.
 * Adding a kind = one module implementing this + one line in registry.ts (and its Item type in the union).
 */
export interface ItemKindModule<I extends ItemBase & { kind: string }> {
  readonly kind: I['kind'];
  /**
   * Zod-free shape check of the kind's own fields (the common fields are checked by checkItem): builds the
   * item with exactly its fields from `value`, or lists every problem as "field: reason".
   */
  parse(base: ItemBase, value: Readonly<Record<string, unknown>>): KindParse<I>;
  /** Response ids a candidate may send for this item, in authoring order. */
  responses(item: I): string[];
  /** Whether a form shuffles the responses (false: a fixed scale such as 1–5). */
  readonly shuffled: boolean;
  /** Points for a (non-blank) response; a response the item does not know scores 0. */
  points(item: I, response: string, correctPoints: number): number;
  /** Best possible points of the item. */
  max(item: I, correctPoints: number): number;
  /**
   * The options shown to the candidate (no key, no weight), by response id; null when the kind shows no
   * option texts (the client renders the scale itself, e.g. likert labels from its i18n).
   */
  shown(item: I): ItemOption[] | null;
}
