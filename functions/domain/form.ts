// Form derivation: which items, in which order, with which option order, from (exam, bank, attempt seed).
import { DomainError } from './errors.ts';
import type { Exam } from './exam.ts';
import type { Item } from './items.ts';
import { kindOf } from './kinds/registry.ts';
import { createPrng, pickN, shuffle } from './prng.ts';
import { sha256Hex } from './seed.ts';

export interface FormItem {
  itemId: string;
  sectionId: string;
  /** Response ids in display order (the kind's responses(); shuffled when the kind says so). */
  optionOrder: string[];
}

export interface Form {
  examId: string;
  examVersion: number;
  seed: string;
  items: FormItem[];
}

/** Seed of one section's PRNG stream: SHA-256 hex of `${seed}|${examId}|${sectionId}`. */
export const sectionSeed = (seed: string, examId: string, sectionId: string): string =>
  sha256Hex(`${seed}|${examId}|${sectionId}`);

const byId = (x: Item, y: Item): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** The bank, checked and indexed once: pools sorted by id per (bank, category) and per (bank, category, difficulty). */
export interface PreparedBank {
  readonly pools: ReadonlyMap<string, readonly Item[]>;
  /** Each item's kind's responses() (option ids in bank order), listed once: a form copies them. */
  readonly responses: ReadonlyMap<Item, readonly string[]>;
  /**
   * Form items already made, per item, by option order and section (as a number: see formItem). An item has at
   * most n! orders (120 for 5 options), so forms share frozen FormItems instead of each keeping ≈ 130 bytes per
   * item: a process caching thousands of running attempts keeps ≈ 1 KB of form per SKD attempt instead of ≈ 15 KB.
   * Grows as forms are built; what it holds never changes a form.
   */
  readonly made: Map<Item, Map<number, FormItem>>;
}

const poolKey = (bankId: string, category: string, difficulty?: string): string =>
  difficulty === undefined ? `${bankId}\u0000${category}` : `${bankId}\u0000${category}\u0000${difficulty}`;

/** Orders of at most this many options are shared (8^8 × sections stays a safe integer). */
const SHARED_ORDER_MAX = 8;

/** [0, 1, …, n − 1], one shared (never written) array per n: an option order is a shuffle of it. */
const IDENTITY: number[][] = [];
const identity = (n: number): readonly number[] => {
  let id = IDENTITY[n];
  if (!id) {
    id = Array.from({ length: n }, (_, i) => i);
    IDENTITY[n] = id;
  }
  return id;
};

/** The responses in the order `perm` gives (positions in `responses`). */
const orderOf = (responses: readonly string[], perm: readonly number[]): string[] =>
  perm.map((i) => responses[i] as string);

/**
 * The FormItem showing `it`'s responses in the order `perm` (positions in `responses`) in section `s` of
 * `sections`: shared and frozen when the order can be keyed (Σ perm[k] × n^k, times the section count, plus s).
 */
const formItem = (
  prepared: PreparedBank,
  it: Item,
  sectionId: string,
  s: number,
  sections: number,
  responses: readonly string[],
  perm: readonly number[],
): FormItem => {
  const n = perm.length;
  if (n > SHARED_ORDER_MAX) return { itemId: it.id, sectionId, optionOrder: orderOf(responses, perm) };
  let key = 0;
  for (let k = n - 1; k >= 0; k--) key = key * n + (perm[k] as number);
  key = key * sections + s;
  let byKey = prepared.made.get(it);
  if (!byKey) {
    byKey = new Map();
    prepared.made.set(it, byKey);
  }
  let made = byKey.get(key);
  // A bank prepared once and used by two exams could number its sections differently: never share across that.
  if (made && made.sectionId !== sectionId)
    return { itemId: it.id, sectionId, optionOrder: orderOf(responses, perm) };
  if (!made) {
    const optionOrder = Object.freeze(orderOf(responses, perm)) as string[];
    made = Object.freeze({ itemId: it.id, sectionId, optionOrder });
    byKey.set(key, made);
  }
  return made;
};

/** Indexes a bank for buildForm (pure; reusable for every form of one exam version). Duplicate ids -> INVALID_ITEM. */
export function prepareBank(bank: readonly Item[]): PreparedBank {
  const seen = new Set<string>();
  for (const item of bank) {
    const k = `${item.bankId}\u0000${item.id}`;
    if (seen.has(k))
      throw new DomainError('INVALID_ITEM', `duplicate item id ${item.id} in bank ${item.bankId}`);
    seen.add(k);
  }
  const pools = new Map<string, Item[]>();
  const add = (key: string, item: Item) => {
    const pool = pools.get(key);
    if (pool) pool.push(item);
    else pools.set(key, [item]);
  };
  const responses = new Map<Item, readonly string[]>();
  for (const item of bank.slice().sort(byId)) {
    responses.set(item, kindOf(item).responses(item));
    add(poolKey(item.bankId, item.category), item);
    if (item.difficulty !== undefined) add(poolKey(item.bankId, item.category, item.difficulty), item);
  }
  return { pools, responses, made: new Map() };
}

const NO_ITEMS: readonly Item[] = [];

/** The (bank, category) pool keys that more than one draw of the exam names; null when none does. */
const sharedPools = (exam: Exam): Set<string> | null => {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const section of exam.sections)
    for (const draw of section.draws) {
      const key = poolKey(section.bankId, draw.category);
      if (seen.has(key)) shared.add(key);
      seen.add(key);
    }
  return shared.size > 0 ? shared : null;
};

/**
 * Derives the form. For each section, in exam order, one sfc32 stream seeded by sectionSeed() is consumed:
 *   1. each blueprint draw in order: the pool = items of the section's bank with that category (and
 *      difficulty, when given) not already on the form, sorted by id (code-unit order, so the bank's array
 *      order never matters); pickN(pool, count). Too few -> DomainError BANK_TOO_SMALL.
 *   2. shuffle() of the section's selected items (item order within the section).
 *   3. for each item in that order, its kind's responses() (option ids in bank order); shuffle() of them
 *      when the kind is shuffled (single, weighted), else kept as they are (likert 1–5: no draws).
 * Sections stay in exam order. Duplicate item ids in one bank -> DomainError INVALID_ITEM.
 * `bank` may be prepared once with prepareBank(); the form is the same either way. `prngOf` (default
 * createPrng, sfc32) makes each section's stream; tests pass scripted streams to derive a form by hand.
 */
export function buildForm(
  exam: Exam,
  bank: readonly Item[] | PreparedBank,
  seed: string,
  prngOf: (sectionSeedHex: string) => () => number = createPrng,
): Form {
  const prepared = 'pools' in bank ? bank : prepareBank(bank);
  const { pools } = prepared;
  const shared = sharedPools(exam);
  const used = new Set<Item>();
  const items: FormItem[] = [];
  const sections = exam.sections.length;
  for (let s = 0; s < sections; s++) {
    const section = exam.sections[s] as Exam['sections'][number];
    const rand = prngOf(sectionSeed(seed, exam.id, section.id));
    const chosen: Item[] = [];
    for (const draw of section.draws) {
      const all = pools.get(poolKey(section.bankId, draw.category, draw.difficulty)) ?? NO_ITEMS;
      // Only a draw whose (bank, category) another draw shares can meet an item already on the form.
      const track = shared?.has(poolKey(section.bankId, draw.category));
      const pool = track === true && used.size > 0 ? all.filter((it) => !used.has(it)) : all;
      if (pool.length < draw.count)
        throw new DomainError(
          'BANK_TOO_SMALL',
          `bank ${section.bankId} has ${pool.length} ${draw.category}${draw.difficulty ? `/${draw.difficulty}` : ''} items for section ${section.id}, ${draw.count} needed`,
          {
            sectionId: section.id,
            bankId: section.bankId,
            category: draw.category,
            difficulty: draw.difficulty ?? null,
            needed: draw.count,
            available: pool.length,
          },
        );
      for (const it of pickN(pool, draw.count, rand)) {
        if (track) used.add(it);
        chosen.push(it);
      }
    }
    for (const it of shuffle(chosen, rand)) {
      const responses = prepared.responses.get(it) ?? kindOf(it).responses(it);
      // A shuffle of the positions draws exactly as a shuffle of the responses would (it depends on the length only).
      const positions = identity(responses.length);
      const perm = kindOf(it).shuffled ? shuffle(positions, rand) : positions;
      items.push(formItem(prepared, it, section.id, s, sections, responses, perm));
    }
  }
  return { examId: exam.id, examVersion: exam.version, seed, items };
}
