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

/** A JSON string literal starting at `at` (its opening quote): the decoded string and the index after it. */
const stringAt = (text: string, at: number): [string, number] => {
  if (text.charCodeAt(at) !== 34) throw new Error(`form JSON: no string at ${at}`);
  // Ids have no escapes: up to the next quote. With a backslash in it that quote may be escaped: walk.
  let end = text.indexOf('"', at + 1);
  const plain = text.slice(at + 1, end);
  if (!plain.includes('\\')) return [plain, end + 1];
  end = at + 1;
  while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
  return [JSON.parse(text.slice(at, end + 1)) as string, end + 1];
};

/**
 * The start answer's form, item and option ids only, read from the JSON text without parsing the rest: a
 * full JSON.parse builds every stem and option text (≈ 40 KB) the load generator never looks at, on the
 * same 2 cores as the server. Sound on any JSON without whitespace: `{"itemId":` and `{"id":` cannot occur
 * inside a string (its quotes would be escaped). The same ids as the parsed form's.
 */
export const takeFormText = (c: SimCandidate, text: string | undefined): boolean => {
  const ITEM = '{"itemId":';
  const OPTION = '{"id":';
  const form = text?.indexOf('"form":{') ?? -1;
  if (!text || form < 0) return false;
  const items: FormItem[] = [];
  let i = text.indexOf(ITEM, form);
  while (i >= 0) {
    const [itemId, after] = stringAt(text, i + ITEM.length);
    const next = text.indexOf(ITEM, after);
    const end = next < 0 ? text.length : next;
    const options: string[] = [];
    for (let o = text.indexOf(OPTION, after); o >= 0 && o < end; o = text.indexOf(OPTION, o + OPTION.length))
      options.push(stringAt(text, o + OPTION.length)[0]);
    items.push({ itemId, options });
    i = next;
  }
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
