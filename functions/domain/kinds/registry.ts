// The registry of item kinds: the rest of the domain asks it instead of branching on item.kind.
import { DomainError } from '../errors.ts';
import { DIFFICULTIES, type Difficulty, type Item, type ItemBase, type ItemKind } from '../items.ts';
import { isObject, nonEmptyString } from './check.ts';
import type { ItemKindModule, KindParse } from './kind.ts';
import { likertKind } from './likert.ts';
import { singleKind } from './single.ts';
import { speedKind } from './speed.ts';
import { weightedKind } from './weighted.ts';

const KINDS: { readonly [K in ItemKind]: ItemKindModule<Extract<Item, { kind: K }>> } = {
  single: singleKind,
  weighted: weightedKind,
  likert: likertKind,
  speed: speedKind,
};

/** Every kind name, in registry order. */
export const ITEM_KINDS = Object.keys(KINDS) as ItemKind[];

export const isItemKind = (k: unknown): k is ItemKind => typeof k === 'string' && Object.hasOwn(KINDS, k);

/** The module of a kind name; unknown -> INVALID_ITEM. */
export function kindModule(kind: string): ItemKindModule<Item> {
  if (!isItemKind(kind)) throw new DomainError('INVALID_ITEM', `unknown item kind ${JSON.stringify(kind)}`);
  return KINDS[kind] as unknown as ItemKindModule<Item>;
}

/** The module of an item's kind. */
export const kindOf = <I extends Item>(item: I): ItemKindModule<I> =>
  kindModule(item.kind) as unknown as ItemKindModule<I>;

/** Points for a response; blank (null/undefined) scores 0 for every kind. */
export const itemPoints = (item: Item, response: string | null | undefined, correctPoints: number): number =>
  response === null || response === undefined ? 0 : kindOf(item).points(item, response, correctPoints);

/** Best possible points of an item. */
export const itemMax = (item: Item, correctPoints: number): number => kindOf(item).max(item, correctPoints);

/**
 * Zod-free shape check of a whole item in bank `bankId` (its own bankId member is ignored): the common
 * fields, then the kind's own. Returns the item with exactly its fields, or every problem as "field: reason".
 */
export function checkItem(bankId: string, value: unknown): KindParse<Item> {
  if (!isObject(value)) return { ok: false, problems: ['item: not an object'] };
  const problems: string[] = [];
  if (!nonEmptyString(value.id)) problems.push('id: missing');
  if (!nonEmptyString(value.category)) problems.push('category: missing');
  if (!nonEmptyString(value.stem)) problems.push('stem: stem is empty');
  if (value.difficulty !== undefined && !DIFFICULTIES.includes(value.difficulty as Difficulty))
    problems.push(`difficulty: must be one of ${DIFFICULTIES.join(', ')}`);
  if (value.image !== undefined && !nonEmptyString(value.image)) problems.push('image: not a string');
  if (!isItemKind(value.kind)) {
    problems.push(`kind: must be one of ${ITEM_KINDS.join(', ')}`);
    return { ok: false, problems };
  }
  const base: ItemBase = {
    id: value.id as string,
    bankId,
    category: value.category as string,
    stem: value.stem as string,
    ...(value.difficulty !== undefined ? { difficulty: value.difficulty as Difficulty } : {}),
    ...(nonEmptyString(value.image) ? { image: value.image } : {}),
  };
  const parsed = kindModule(value.kind).parse(base, value);
  if (!parsed.ok) problems.push(...parsed.problems);
  return problems.length ? { ok: false, problems } : parsed;
}
