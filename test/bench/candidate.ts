// A simulated candidate: login, start, form, and the answer/change/flag steps a real exam client would queue.
import { performance } from 'node:perf_hooks';
import { createProgressReport } from '../../web/candidate/progressReport.ts';
import type { AckedStep, DemoCandidate } from './protocol.ts';

export interface FormItem {
  itemId: string;
  options: readonly string[];
}

/**
 * A candidate's form as the load generator keeps it: every item id in one string and each item's option ids
 * as a shared list, not an object, a string and a list per item. 2,000 candidates keep their form from the
 * spike to their last save; as 110 objects + 110 strings each it grew the heap ≈ 10 KB per candidate, and
 * each scavenge of the spike copied that on its way to the old space (≈ 80 µs per start in a microbenchmark).
 */
export class FormIds {
  private readonly ids: string;
  /** End of item k's id in `ids` (its start is the end of item k − 1). */
  private readonly ends: Uint32Array;
  private readonly lists: readonly (readonly string[])[];
  readonly length: number;

  constructor(ids: string, ends: Uint32Array, lists: readonly (readonly string[])[], length = lists.length) {
    this.ids = ids;
    this.ends = ends;
    this.lists = lists;
    this.length = length;
  }

  static of(items: readonly FormItem[]): FormIds {
    const ends = new Uint32Array(items.length);
    let at = 0;
    items.forEach((item, k) => {
      at += item.itemId.length;
      ends[k] = at;
    });
    return new FormIds(
      items.map((i) => i.itemId).join(''),
      ends,
      items.map((i) => i.options),
    );
  }

  itemId(k: number): string {
    return this.ids.slice(k > 0 ? this.ends[k - 1] : 0, this.ends[k]);
  }

  options(k: number): readonly string[] {
    return this.lists[k]!;
  }

  /** The first n items (a candidate-exam that answers part of the form). */
  first(n: number): FormIds {
    return new FormIds(this.ids, this.ends, this.lists, Math.min(n, this.length));
  }

  /** As plain items (tests). */
  toItems(): FormItem[] {
    return Array.from({ length: this.length }, (_, k) => ({
      itemId: this.itemId(k),
      options: this.options(k),
    }));
  }
}

const NO_FORM = FormIds.of([]);

export interface SimCandidate {
  regNo: string;
  pin: string;
  token: string;
  attemptId: string;
  items: FormIds;
  seq: number;
  answers: Map<string, string | null>;
  /** Acknowledged answers that are not null (kept with `answers`, so a save does not count the map). */
  answered: number;
  flags: Set<string>;
  nextUnanswered: number;
  acked: AckedStep[];
  /** The exam page's gate for the answered count: with the first save, then at most every ANSWERED_REPORT_EVERY_MS (62 s). */
  report: (answered: number) => number | undefined;
}

export const newCandidate = (c: DemoCandidate): SimCandidate => ({
  regNo: c.regNo,
  pin: c.pin,
  token: '',
  attemptId: '',
  items: NO_FORM,
  seq: 0,
  answers: new Map(),
  answered: 0,
  flags: new Set(),
  nextUnanswered: 0,
  acked: [],
  report: createProgressReport(() => performance.now()),
});

const pickIndex = (n: number): number => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[pickIndex(xs.length)]!;

/** One-character ASCII ids ('a'…'e', the letters of shuffled options) as shared strings. */
const ASCII = Array.from({ length: 128 }, (_, b) => String.fromCharCode(b));

/**
 * A JSON string literal starting at `at` (its opening quote) of the body read as Latin-1 (one char per byte):
 * the decoded string and the index after it. The string is decoded again from the bytes (UTF-8), a fresh copy:
 * a slice of the body's text would keep the whole ≈ 40–80 KB text alive as long as the candidate lives. Ids
 * have no escapes: up to the next quote; with a backslash in it, walk and parse.
 */
const stringAt = (text: string, bytes: Buffer, at: number): [string, number] => {
  if (text.charCodeAt(at) !== 34) throw new Error(`form JSON: no string at ${at}`);
  let end = text.indexOf('"', at + 1);
  if (end < 0) throw new Error(`form JSON: unterminated string at ${at}`);
  let ascii = true;
  for (let k = at + 1; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 92) {
      end = at + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      return [JSON.parse(bytes.toString('utf8', at, end + 1)) as string, end + 1];
    }
    if (ch >= 0x80) ascii = false;
  }
  if (ascii && end === at + 2) return [ASCII[text.charCodeAt(at + 1)]!, end + 1];
  return [bytes.toString(ascii ? 'latin1' : 'utf8', at + 1, end), end + 1];
};

/**
 * Option id lists seen so far, shared by every item and candidate that shows the same ids (most items show
 * the letters a–e): a candidate's form is read, never changed, and 2,000 candidates × 110 items of their own
 * arrays were most of what the load generator's heap kept between the spike and the saves.
 */
const optionLists: string[][] = [];

/** The last form's per-item option lists: a candidate of the same form (same lists) shares it too. */
let lastLists: (readonly string[])[] = [];

const sharedLists = (lists: (readonly string[])[]): (readonly string[])[] => {
  if (lists.length === lastLists.length && lists.every((l, k) => l === lastLists[k])) return lastLists;
  lastLists = lists;
  return lists;
};

const shared = (options: string[]): readonly string[] => {
  for (const known of optionLists)
    if (known.length === options.length && known.every((id, k) => id === options[k])) return known;
  if (optionLists.length < 64) optionLists.push(options);
  return options;
};

/**
 * The start answer's form, item and option ids only, read from the body's bytes without decoding the rest as
 * UTF-8 or parsing it: that builds every stem and option text (≈ 40 KB) the load generator never looks at, on
 * the same 2 cores as the server. The bytes are read as Latin-1 (one char per byte, ≈ 9× cheaper than UTF-8
 * here), so string search finds byte offsets. Sound on any JSON without whitespace: `{"itemId":` and
 * `{"id":` cannot occur inside a string (its quotes would be escaped), nor inside a multi-byte UTF-8 sequence
 * (whose bytes are all ≥ 0x80). The same ids as the parsed form's.
 */
export const takeForm = (c: SimCandidate, bytes: Buffer | undefined): boolean => {
  if (!bytes) return false;
  const text = bytes.toString('latin1');
  const form = text.indexOf('"form":{');
  if (form < 0) return false;
  const ids: string[] = [];
  const lists: (readonly string[])[] = [];
  let options: string[] = [];
  // Every object key in the form, in one pass: `{"itemId":` opens an item, `{"id":` (after the first item) an option.
  for (let p = text.indexOf('{"', form); p >= 0; p = text.indexOf('{"', p + 2)) {
    if (text.startsWith('itemId":', p + 2)) {
      if (ids.length > 0) lists.push(shared(options));
      const [id, after] = stringAt(text, bytes, p + 10);
      ids.push(id);
      options = [];
      p = after - 2;
    } else if (ids.length > 0 && text.startsWith('id":', p + 2)) {
      const [id, after] = stringAt(text, bytes, p + 6);
      options.push(id);
      p = after - 2;
    }
  }
  if (ids.length === 0) return false;
  lists.push(shared(options));
  const ends = new Uint32Array(ids.length);
  let at = 0;
  for (let k = 0; k < ids.length; k++) {
    at += ids[k]!.length;
    ends[k] = at;
  }
  c.items = new FormIds(ids.join(''), ends, sharedLists(lists));
  return true;
};

export type Action = 'answer' | 'change' | 'flag';

/** The next step: answer the next unanswered item, change an earlier answer, or toggle a doubt flag. */
export const nextStep = (c: SimCandidate, action?: Action): AckedStep => {
  const seq = ++c.seq;
  const a: Action =
    action ??
    (c.nextUnanswered < c.items.length && Math.random() < 0.7
      ? 'answer'
      : Math.random() < 0.75
        ? 'change'
        : 'flag');
  const k =
    a === 'answer' && c.nextUnanswered < c.items.length ? c.nextUnanswered++ : pickIndex(c.items.length);
  const itemId = c.items.itemId(k);
  if (a === 'flag') return { seq, type: 'flagged', itemId, flagged: !c.flags.has(itemId) };
  return { seq, type: 'answered', itemId, choice: pick(c.items.options(k)) };
};

/** The answered count the device would report with this step saved (the step not yet acknowledged). */
export const answeredWith = (c: SimCandidate, step: AckedStep): number =>
  step.type === 'answered'
    ? c.answered + (step.choice !== null ? 1 : 0) - ((c.answers.get(step.itemId) ?? null) !== null ? 1 : 0)
    : c.answered;

/** Records an acknowledged step in the candidate's local view. */
export const acknowledge = (c: SimCandidate, step: AckedStep): void => {
  c.acked.push(step);
  if (step.type === 'answered') {
    c.answered = answeredWith(c, step);
    c.answers.set(step.itemId, step.choice);
  } else if (step.flagged) c.flags.add(step.itemId);
  else c.flags.delete(step.itemId);
};
