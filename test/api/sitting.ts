// API test fixtures over the harness: the formation the demo candidates apply to, and a candidate sitting the
// demo SKD exam or the psych battery (start, answer what the test chooses in batches like the exam page, submit).
import { expect } from 'vitest';
import type { SingleItem, WeightedItem } from '../../functions/domain/items.ts';
import type { ApiHarness } from './harness.ts';

type Formation = Parameters<ApiHarness['store']['formations']['put']>[0];

/** The demo candidates' formation (one opening, type umum). */
export const ANALIS_FORMATION: Formation = {
  id: 'F-ANALIS-001',
  position: 'Analis',
  agencyUnit: 'Unit',
  openings: 1,
  formationType: 'umum',
};

export const putFormation = (h: ApiHarness, overrides: Partial<Formation> = {}) =>
  h.store.formations.put({ ...ANALIS_FORMATION, ...overrides });

/** An item of the candidate's wire form as the browser sees it. */
export interface FormItem {
  itemId: string;
  sectionId: string;
  kind: string;
  options: Array<{ id: string }>;
}
/** The bank side of a wire item (harness bankView). */
export type BankLookup = Awaited<ReturnType<ApiHarness['bankView']>>;
export interface Answer {
  itemId: string;
  choice: string | null | undefined;
}

/** Answers the first n items, each with option pick(k) (modulo its option count; default the first shown). */
export const firstItems =
  (n: number, pick: (k: number) => number = () => 0) =>
  (items: FormItem[]): Answer[] =>
    items
      .slice(0, n)
      .map((it, k) => ({ itemId: it.itemId, choice: it.options[pick(k) % it.options.length]?.id }));

/** The wire id of an item's best option: the key of a single-answer item, the highest weight of a weighted one. */
export const bestChoice = (bank: BankLookup, itemId: string): string => {
  const b = bank(itemId);
  const item = b.item as SingleItem | WeightedItem;
  const best =
    item.kind === 'single'
      ? item.key
      : (Object.entries(item.weights).sort((x, y) => y[1] - x[1])[0]?.[0] as string);
  return b.wireOf(best);
};

/** Answers the first n Likert items (all by default), item k with the scale point point(k) ('1'..'5'). */
export const likertItems =
  (point: (k: number) => string, n = Number.POSITIVE_INFINITY) =>
  (items: FormItem[]): Answer[] =>
    items
      .filter((it) => it.kind === 'likert')
      .slice(0, n)
      .map((it, k) => ({ itemId: it.itemId, choice: point(k) }));

/** Psych battery candidate i (demo session psych-demo-1) logs in and starts: token, attempt id, form. */
export async function startedPsych(h: ApiHarness, i: number) {
  const c = h.demo.psych.candidates[i];
  if (!c) throw new Error(`no psych candidate ${i}`);
  const login = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
  expect(login.status, JSON.stringify(login.json)).toBe(200);
  const { token, attemptId } = login.json as { token: string; attemptId: string };
  const start = await h.call('POST', `/api/candidate/attempts/${attemptId}/start`, { token });
  expect(start.status, JSON.stringify(start.json)).toBe(200);
  const form = await h.call('GET', `/api/candidate/attempts/${attemptId}/form`, { token });
  return { token, attemptId, regNo: c.regNo, form: form.json };
}

/** Answers the first n items of a section with their best option (the key). */
export const bestInSection =
  (sectionId: string, n: number) =>
  (items: FormItem[], bank: BankLookup): Answer[] =>
    items
      .filter((it) => it.sectionId === sectionId)
      .slice(0, n)
      .map((it) => ({ itemId: it.itemId, choice: bestChoice(bank, it.itemId) }));

/**
 * Candidate i of the SKD demo session (or { psych: i } of the psych battery's) starts, answers what `answers` chooses (saved 50 steps a request, the answers route's limit) and
 * submits; any refusal fails the test. Returns the start (token, attempt id, form), the bank lookup and the
 * submit answer (score, receipt).
 */
export async function sitAndSubmit(
  h: ApiHarness,
  who: number | { psych: number },
  answers: (items: FormItem[], bank: BankLookup) => Answer[],
) {
  const s =
    typeof who === 'number'
      ? { ...(await h.started(who)), regNo: h.demo.candidates[who]?.regNo as string }
      : await startedPsych(h, who.psych);
  const bank = await h.bankView(s.attemptId);
  const steps = answers(s.form.items as FormItem[], bank).map((a, k) => ({
    seq: k + 1,
    type: 'answered',
    itemId: a.itemId,
    choice: a.choice,
  }));
  for (let k = 0; k < steps.length; k += 50) {
    const res = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps: steps.slice(k, k + 50) },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  }
  const res = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return { ...s, bank, submitted: res.json };
}
