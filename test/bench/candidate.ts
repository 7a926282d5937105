// A simulated candidate: login, start, form, and the answer/change/flag steps a real exam client would queue.
import { performance } from 'node:perf_hooks';
import { createProgressReport } from '../../web/candidate/progressReport.ts';
import type { AckedStep, DemoCandidate } from './protocol.ts';

export interface FormItem {
  itemId: string;
  options: string[];
}

export interface SimCandidate {
  regNo: string;
  pin: string;
  token: string;
  attemptId: string;
  items: FormItem[];
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
  items: [],
  seq: 0,
  answers: new Map(),
  answered: 0,
  flags: new Set(),
  nextUnanswered: 0,
  acked: [],
  report: createProgressReport(() => performance.now()),
});

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

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

const shared = (options: string[]): string[] => {
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
  const items: FormItem[] = [];
  let itemId: string | undefined;
  let options: string[] = [];
  // Every object key in the form, in one pass: `{"itemId":` opens an item, `{"id":` (after the first item) an option.
  for (let p = text.indexOf('{"', form); p >= 0; p = text.indexOf('{"', p + 2)) {
    if (text.startsWith('itemId":', p + 2)) {
      if (itemId !== undefined) items.push({ itemId, options: shared(options) });
      const [id, after] = stringAt(text, bytes, p + 10);
      itemId = id;
      options = [];
      p = after - 2;
    } else if (itemId !== undefined && text.startsWith('id":', p + 2)) {
      const [id, after] = stringAt(text, bytes, p + 6);
      options.push(id);
      p = after - 2;
    }
  }
  if (itemId !== undefined) items.push({ itemId, options: shared(options) });
  if (items.length === 0) return false;
  c.items = items;
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
  if (a === 'answer' && c.nextUnanswered < c.items.length) {
    const item = c.items[c.nextUnanswered++]!;
    return { seq, type: 'answered', itemId: item.itemId, choice: pick(item.options) };
  }
  const item = pick(c.items);
  if (a === 'flag') return { seq, type: 'flagged', itemId: item.itemId, flagged: !c.flags.has(item.itemId) };
  return { seq, type: 'answered', itemId: item.itemId, choice: pick(item.options) };
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
