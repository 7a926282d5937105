// Bank snapshots: the items of a bank at one moment, immutable, named by the SHA-256 of their canonical JSON.
import { canonicalJson } from './canonical-json.ts';
import { DomainError } from './errors.ts';
import type { Item } from './items.ts';
import { sha256Hex } from './seed.ts';

export interface BankSnapshot {
  /** SHA-256 hex of canonicalJson(items sorted by id): the same items always give the same id. */
  id: string;
  bankId: string;
  /** Sorted by id (code-unit order). */
  items: Item[];
}

/** Which snapshot of each bank a form draws from: bankId -> snapshot id (an exam's pin, an attempt's record). */
export type SnapshotPins = Readonly<Record<string, string>>;

const byId = (a: Item, b: Item): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Snapshot id of a bank's items: SHA-256 hex of the canonical JSON array of the items sorted by id. */
export const snapshotIdOf = (items: readonly Item[]): string =>
  sha256Hex(canonicalJson(items.slice().sort(byId)));

/**
 * The snapshot of `items` as bank `bankId`. Every item must belong to that bank and ids must be unique
 * (-> INVALID_ITEM otherwise). The array order never matters.
 */
export function snapshotOf(bankId: string, items: readonly Item[]): BankSnapshot {
  const sorted = items.slice().sort(byId);
  for (let i = 0; i < sorted.length; i++) {
    const it = sorted[i] as Item;
    if (it.bankId !== bankId)
      throw new DomainError('INVALID_ITEM', `item ${it.id} belongs to bank ${it.bankId}, not ${bankId}`);
    if (i > 0 && (sorted[i - 1] as Item).id === it.id)
      throw new DomainError('INVALID_ITEM', `duplicate item id ${it.id} in bank ${bankId}`);
  }
  return { id: sha256Hex(canonicalJson(sorted)), bankId, items: sorted };
}

/** True when the snapshot's id is the hash of its items (what an auditor checks before trusting it). */
export const verifySnapshot = (s: BankSnapshot): boolean => snapshotIdOf(s.items) === s.id;

/** Pins as a stable string (bank ids sorted), for cache keys. */
export const pinsKey = (pins: SnapshotPins): string =>
  Object.keys(pins)
    .sort()
    .map((b) => `${b}=${pins[b]}`)
    .join(',');
