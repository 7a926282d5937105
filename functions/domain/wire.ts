// Ids on the wire: what the browser sees of a form reveals nothing about bank positions or keys.
import { DomainError } from './errors.ts';
import type { Form } from './form.ts';
import type { Item } from './items.ts';
import { kindOf } from './kinds/registry.ts';
import { sha256Hex } from './seed.ts';

/** Hex digits of a wire item id. */
export const WIRE_ITEM_ID_HEX = 16;

/** Wire id of a bank item in one attempt: the first 16 hex digits of SHA-256(`${seed}|item|${itemId}`). */
export const wireItemId = (seed: string, itemId: string): string =>
  sha256Hex(`${seed}|item|${itemId}`).slice(0, WIRE_ITEM_ID_HEX);

/** Letter of the k-th displayed option (0 -> 'a'): the option's wire id. */
export const displayLetter = (k: number): string => String.fromCharCode(97 + k);

/** One form item as the wire names it, with its response ids both ways. */
export interface WireItem {
  wireId: string;
  itemId: string;
  /** Wire response id -> bank response id. */
  toBank: ReadonlyMap<string, string>;
  /** Bank response id -> wire response id. */
  toWire: ReadonlyMap<string, string>;
}

export interface WireForm {
  byWire: ReadonlyMap<string, WireItem>;
  byItem: ReadonlyMap<string, WireItem>;
}

/**
 * The wire names of a form. Items: wireItemId(form.seed, itemId). Responses of a shuffled kind (single,
 * weighted): the display letter of their position in optionOrder ('a' = shown first), so the id says only
 * where the option is shown. Responses of a fixed-order kind (likert 1–5) keep their ids: their order is
 * public. An item missing from itemsById -> NOT_FOUND.
 */
export function wireForm(form: Form, itemsById: ReadonlyMap<string, Item>): WireForm {
  const byWire = new Map<string, WireItem>();
  const byItem = new Map<string, WireItem>();
  for (const fi of form.items) {
    const item = itemsById.get(fi.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    const shuffled = kindOf(item).shuffled;
    const toBank = new Map<string, string>();
    const toWire = new Map<string, string>();
    fi.optionOrder.forEach((id, k) => {
      const w = shuffled ? displayLetter(k) : id;
      toBank.set(w, id);
      toWire.set(id, w);
    });
    const wi: WireItem = { wireId: wireItemId(form.seed, fi.itemId), itemId: fi.itemId, toBank, toWire };
    if (byWire.has(wi.wireId)) throw new DomainError('CONFLICT', `wire id collision in form ${form.seed}`);
    byWire.set(wi.wireId, wi);
    byItem.set(fi.itemId, wi);
  }
  return { byWire, byItem };
}
