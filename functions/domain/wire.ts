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
 * A read-only map over positions 0…size-1: a subclass says how big it is, the key and value at a position,
 * and where a key stands. Lookups then cost no Map per instance; the iterators walk the positions.
 */
abstract class IndexedMap<V> implements ReadonlyMap<string, V> {
  abstract readonly size: number;
  protected abstract keyAt(i: number): string;
  protected abstract valueAt(i: number): V;
  /** The key's position, or -1. */
  protected abstract indexOf(key: string): number;

  get(key: string): V | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.valueAt(i);
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.size; i++) fn.call(thisArg, this.valueAt(i), this.keyAt(i), this);
  }

  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.size; i++) yield [this.keyAt(i), this.valueAt(i)];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.keyAt(i);
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.size; i++) yield this.valueAt(i);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * A read-only map over the first `size` entries of two parallel arrays, both shared (the form item's
 * optionOrder, the letters): one small object per direction instead of a Map per item and direction. A
 * cached form's wire names then take ≈ 25 KB instead of ≈ 89 KB per SKD attempt (110 items), which is
 * what a process caching thousands of running attempts keeps in its heap.
 */
class PairMap extends IndexedMap<string> {
  readonly size: number;
  readonly #keys: readonly string[];
  readonly #values: readonly string[];

  constructor(keys: readonly string[], values: readonly string[], size: number) {
    super();
    this.#keys = keys;
    this.#values = values;
    this.size = size;
  }

  protected keyAt(i: number): string {
    return this.#keys[i] as string;
  }

  protected valueAt(i: number): string {
    return this.#values[i] as string;
  }

  protected indexOf(key: string): number {
    const i = this.#keys.indexOf(key);
    return i < this.size ? i : -1;
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
 * A form's wire names, kept as little as possible: the form itself (which the caller keeps anyway), one string of
 * the wire item ids by form position and one byte per position (shuffled kind or not). Each WireItem is made when
 * asked for, so a process caching thousands of running attempts keeps ≈ 2 KB of wire names per SKD attempt
 * instead of ≈ 40 KB of maps and objects, and a start spike does not fill the young generation with objects that
 * all survive (the scavenger's cost is what survives). Lookups: a wire id by its position in the string, an item
 * id by a scan from the position after the last one found (in-order walks, like writing the form, cost one step).
 */
class FormWire implements WireForm {
  readonly byWire: ReadonlyMap<string, WireItem>;
  readonly byItem: ReadonlyMap<string, WireItem>;
  readonly #form: Form;
  readonly #shuffled: Uint8Array;
  readonly #ids: string;
  #next = 0;

  constructor(form: Form, shuffled: Uint8Array, ids: string) {
    this.#form = form;
    this.#shuffled = shuffled;
    this.#ids = ids;
    this.byWire = new PositionMap(
      this,
      (p) => this.wireIdAt(p),
      (id) => this.#wirePosition(id),
    );
    this.byItem = new PositionMap(
      this,
      (p) => this.itemIdAt(p),
      (id) => this.#itemPosition(id),
    );
  }

  get size(): number {
    return this.#form.items.length;
  }

  wireIdAt(p: number): string {
    return this.#ids.slice(p * WIRE_ITEM_ID_HEX, (p + 1) * WIRE_ITEM_ID_HEX);
  }

  itemIdAt(p: number): string {
    return (this.#form.items[p] as Form['items'][number]).itemId;
  }

  /** The WireItem of form position p (0 <= p < size). */
  at(p: number): WireItem {
    const fi = this.#form.items[p] as Form['items'][number];
    const order = fi.optionOrder;
    const n = order.length;
    const letters = n <= LETTERS.length ? LETTERS : Array.from({ length: n }, (_, k) => displayLetter(k));
    const shown = this.#shuffled[p] === 1 ? letters : order;
    const toBank = new PairMap(shown, order, n);
    const toWire = shown === order ? toBank : new PairMap(order, shown, n);
    return { wireId: this.wireIdAt(p), itemId: fi.itemId, toBank, toWire };
  }

  #wirePosition(id: string): number {
    if (id.length !== WIRE_ITEM_ID_HEX) return -1;
    let at = this.#ids.indexOf(id);
    while (at >= 0 && at % WIRE_ITEM_ID_HEX !== 0) at = this.#ids.indexOf(id, at + 1);
    return at < 0 ? -1 : at / WIRE_ITEM_ID_HEX;
  }

  #itemPosition(itemId: string): number {
    const items = this.#form.items;
    const n = items.length;
    for (let k = 0; k < n; k++) {
      const p = (this.#next + k) % n;
      if ((items[p] as Form['items'][number]).itemId === itemId) {
        this.#next = p + 1;
        return p;
      }
    }
    return -1;
  }
}

/** A read-only map from one kind of key (wire id or item id) to the WireItem at that key's form position. */
class PositionMap extends IndexedMap<WireItem> {
  readonly #wire: FormWire;
  readonly #keyAt: (p: number) => string;
  readonly #position: (key: string) => number;

  constructor(wire: FormWire, keyAt: (p: number) => string, position: (key: string) => number) {
    super();
    this.#wire = wire;
    this.#keyAt = keyAt;
    this.#position = position;
  }

  get size(): number {
    return this.#wire.size;
  }

  protected keyAt(p: number): string {
    return this.#keyAt(p);
  }

  protected valueAt(p: number): WireItem {
    return this.#wire.at(p);
  }

  protected indexOf(key: string): number {
    return this.#position(key);
  }
}

/**
 * The wire names of a form. Items: wireItemId(form.seed, itemId). Responses of a shuffled kind (single,
 * weighted): the display letter of their position in optionOrder ('a' = shown first), so the id says only
 * where the option is shown. Responses of a fixed-order kind (likert 1–5) keep their ids: their order is
 * public. An item missing from itemsById -> NOT_FOUND; two items with one wire id -> CONFLICT.
 */
export function wireForm(form: Form, itemsById: ReadonlyMap<string, Item>): WireForm {
  const n = form.items.length;
  const shuffled = new Uint8Array(n);
  const ids: string[] = new Array(n);
  const seen = new Set<string>();
  for (let p = 0; p < n; p++) {
    const fi = form.items[p] as Form['items'][number];
    const item = itemsById.get(fi.itemId);
    if (!item) throw new DomainError('NOT_FOUND', `item ${fi.itemId} not found`);
    shuffled[p] = kindOf(item).shuffled ? 1 : 0;
    const id = wireItemId(form.seed, fi.itemId);
    if (seen.has(id)) throw new DomainError('CONFLICT', `wire id collision in form ${form.seed}`);
    seen.add(id);
    ids[p] = id;
  }
  return new FormWire(form, shuffled, ids.join(''));
}
