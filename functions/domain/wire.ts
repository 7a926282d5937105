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

/** Display letters 'a'…'z': the wire ids of a shuffled item's options, by display position. */
const LETTERS: readonly string[] = Array.from({ length: 26 }, (_, k) => displayLetter(k));

/**
 * A read-only map over the first `size` entries of two parallel arrays, both shared (the form item's
 * optionOrder, the letters): one small object per direction instead of a Map per item and direction. A
 * cached form's wire names then take ≈ 25 KB instead of ≈ 89 KB per SKD attempt (110 items), which is
 * what a process caching thousands of running attempts keeps in its heap.
 */
class PairMap implements ReadonlyMap<string, string> {
  readonly size: number;
  readonly #keys: readonly string[];
  readonly #values: readonly string[];

  constructor(keys: readonly string[], values: readonly string[], size: number) {
    this.#keys = keys;
    this.#values = values;
    this.size = size;
  }

  #index(key: string): number {
    const i = this.#keys.indexOf(key);
    return i < this.size ? i : -1;
  }

  get(key: string): string | undefined {
    const i = this.#index(key);
    return i < 0 ? undefined : this.#values[i];
  }

  has(key: string): boolean {
    return this.#index(key) >= 0;
  }

  forEach(
    fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ): void {
    for (let i = 0; i < this.size; i++)
      fn.call(thisArg, this.#values[i] as string, this.#keys[i] as string, this);
  }

  #map(): Map<string, string> {
    const m = new Map<string, string>();
    for (let i = 0; i < this.size; i++) m.set(this.#keys[i] as string, this.#values[i] as string);
    return m;
  }

  entries() {
    return this.#map().entries();
  }

  keys() {
    return this.#map().keys();
  }

  values() {
    return this.#map().values();
  }

  [Symbol.iterator]() {
    return this.#map().entries();
  }
}

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
    const order = fi.optionOrder;
    const n = order.length;
    // Shuffled kinds: wire id = display letter; fixed-order kinds keep their ids (identity both ways).
    const letters = n <= LETTERS.length ? LETTERS : Array.from({ length: n }, (_, k) => displayLetter(k));
    const shown = kindOf(item).shuffled ? letters : order;
    const toBank = new PairMap(shown, order, n);
    const toWire = shown === order ? toBank : new PairMap(order, shown, n);
    const wi: WireItem = { wireId: wireItemId(form.seed, fi.itemId), itemId: fi.itemId, toBank, toWire };
    if (byWire.has(wi.wireId)) throw new DomainError('CONFLICT', `wire id collision in form ${form.seed}`);
    byWire.set(wi.wireId, wi);
    byItem.set(fi.itemId, wi);
  }
  return { byWire, byItem };
}
