// Regrade check: a corrected snapshot may change only the scoring fields (key, weights, reverse) of the same items.
import { canonicalJson } from './canonical-json.ts';
import { DomainError } from './errors.ts';
import type { ScoringCorrections } from './exam.ts';
import type { Item } from './items.ts';
import { sha256Hex } from './seed.ts';
import type { BankSnapshot, SnapshotPins } from './snapshot.ts';

/** The fields a regrade may change, per kind; every other field must stay byte-identical (canonical JSON). */
const SCORING_FIELDS: Readonly<Record<Item['kind'], readonly string[]>> = {
  single: ['key'],
  weighted: ['weights'],
  likert: ['reverse'],
  speed: [],
};

export interface RegradeChange {
  itemId: string;
  /** The scoring fields whose value differs, e.g. ['key']. */
  fields: string[];
}

/**
 * A score a regrade replaced (kept on the stored result, carried in bundles): what it was, which regrades it
 * applied ([] = the pinned keys), which regrades replaced it and when.
 */
export interface PreviousScore {
  sections: Record<string, number>;
  total: number;
  passed: boolean | null;
  regradeIds: string[];
  replacedBy: string[];
  replacedAt: number;
}

const refuse = (reason: string, message: string, details: Record<string, unknown>): never => {
  throw new DomainError('INVALID_ITEM', message, details, { key: `INVALID_ITEM.${reason}` });
};

const without = (item: Item, fields: readonly string[]): Record<string, unknown> => {
  const rest: Record<string, unknown> = { ...item };
  for (const f of fields) delete rest[f];
  return rest;
};

const optionsOf = (item: Item): Array<{ id: string; text: string; image?: string }> =>
  'options' in item ? item.options : [];

/**
 * The items whose scoring changed from `old` to `corrected` (item id order). Throws INVALID_ITEM with a catalog
 * key when the correction is more than that: another bank (`regradeBank`), an item added or removed
 * (`regradeItems`), a kind or category changed (`regradeKind`, `regradeCategory`), an option added, removed,
 * reordered or reworded (`regradeOptions`), or any other field changed (`regradeField`).
 */
export function regradeCheck(old: BankSnapshot, corrected: BankSnapshot): RegradeChange[] {
  if (old.bankId !== corrected.bankId)
    refuse('regradeBank', `bank ${corrected.bankId} is not ${old.bankId}`, {
      bankId: corrected.bankId,
    });
  const before = new Map(old.items.map((i) => [i.id, i]));
  const after = new Map(corrected.items.map((i) => [i.id, i]));
  for (const id of after.keys())
    if (!before.has(id)) refuse('regradeItems', `item ${id} was added`, { itemId: id, change: 'added' });
  for (const id of before.keys())
    if (!after.has(id)) refuse('regradeItems', `item ${id} was removed`, { itemId: id, change: 'removed' });
  const changes: RegradeChange[] = [];
  for (const [id, a] of before) {
    const b = after.get(id) as Item;
    if (a.kind !== b.kind)
      refuse('regradeKind', `item ${id}: kind ${a.kind} became ${b.kind}`, { itemId: id, field: 'kind' });
    if (a.category !== b.category)
      refuse('regradeCategory', `item ${id}: category changed`, { itemId: id, field: 'category' });
    if (canonicalJson(optionsOf(a)) !== canonicalJson(optionsOf(b)))
      refuse('regradeOptions', `item ${id}: options added, removed, reordered or reworded`, {
        itemId: id,
        field: 'options',
      });
    const scoring = SCORING_FIELDS[a.kind];
    const restA = without(a, scoring);
    const restB = without(b, scoring);
    const keys = [...new Set([...Object.keys(restA), ...Object.keys(restB)])].sort();
    for (const k of keys)
      if (canonicalJson(restA[k] ?? null) !== canonicalJson(restB[k] ?? null))
        refuse('regradeField', `item ${id}: field ${k} may not change in a regrade`, {
          itemId: id,
          field: k,
        });
    const fields = scoring.filter(
      (f) =>
        canonicalJson((a as unknown as Record<string, unknown>)[f] ?? null) !==
        canonicalJson((b as unknown as Record<string, unknown>)[f] ?? null),
    );
    if (fields.length) changes.push({ itemId: id, fields });
  }
  return changes.sort((x, y) => (x.itemId < y.itemId ? -1 : x.itemId > y.itemId ? 1 : 0));
}

/** The id of the correction old -> corrected: SHA-256 hex of `<old id>><corrected id>`, first 32 digits. */
export const regradeIdOf = (oldId: string, correctedId: string): string =>
  sha256Hex(`${oldId}>${correctedId}`).slice(0, 32);

/**
 * The pins scoring uses: each pinned snapshot replaced by its correction, if any, with the regrade ids applied
 * (sorted). Without corrections the pins come back unchanged and `regradeIds` is empty.
 */
export function scoringPins(
  pins: SnapshotPins,
  corrections: ScoringCorrections | undefined,
): { pins: SnapshotPins; regradeIds: string[] } {
  const out: Record<string, string> = {};
  const regradeIds: string[] = [];
  for (const [bankId, snapshotId] of Object.entries(pins)) {
    const c = corrections?.[snapshotId];
    out[bankId] = c ? c.snapshotId : snapshotId;
    if (c) regradeIds.push(c.regradeId);
  }
  return { pins: out, regradeIds: regradeIds.sort() };
}
