import { describe, expect, it } from 'vitest';
import type { Form } from '../../../functions/domain/form.ts';
import type { Item } from '../../../functions/domain/items.ts';
import { scorePsych } from '../../../functions/domain/psych/attempt.ts';
import {
  columnKey,
  entryVerdict,
  kraepelinColumns,
  sheetPauseAt,
} from '../../../functions/domain/psych/kraepelin.ts';
import { replay } from '../../../functions/domain/replay.ts';
import type { Step } from '../../../functions/domain/steps.ts';
import { ans, extended, paused, resumed, started } from '../steps-helpers.ts';

const seed = 'c'.repeat(64);
const items: Item[] = [
  { id: 'l1', bankId: 'b', category: 'BIG5', stem: 's', kind: 'likert', trait: 'E', reverse: false },
  { id: 'l2', bankId: 'b', category: 'BIG5', stem: 's', kind: 'likert', trait: 'E', reverse: true },
  { id: 'k', bankId: 'b', category: 'KR', stem: 's', kind: 'speed', columns: 3, rows: 4, columnSeconds: 10 },
];
const form: Form = {
  examId: 'x',
  examVersion: 1,
  seed,
  items: items.map((i) => ({ itemId: i.id, sectionId: 'S', optionOrder: [] })),
};
const byId = new Map(items.map((i) => [i.id, i]));
const keys = kraepelinColumns(seed, 'k', { columns: 3, rows: 4, columnSeconds: 10 }).map(columnKey);
const right = (c: number, r: number) => keys[c]?.[r] as number;
const wrong = (c: number, r: number) => (right(c, r) + 1) % 10;

const T0 = 1_000_000;
const S = T0 + 60_000; // the sheet opens a minute into the attempt
let seq = 100;
const entered = (
  at: number,
  column: number,
  row: number,
  digit: number,
  rejected?: 'columnClosed',
): Step => ({
  at,
  deviceEpoch: 1,
  clientSeq: seq++,
  type: 'entered',
  itemId: 'k',
  column,
  row,
  digit,
  ...(rejected ? { rejected } : {}),
});

describe('scorePsych over a replayed log', () => {
  const steps: Step[] = [
    started(T0),
    ans(T0 + 1000, 1, 1, 'l1', '4'),
    ans(T0 + 2000, 1, 2, 'l2', '2'), // reverse: 6 − 2 = 4
    { at: S, type: 'speedStarted', itemId: 'k' },
    { at: S + 5, type: 'speedStarted', itemId: 'k' }, // a second start changes nothing
    entered(S + 1000, 0, 0, right(0, 0)),
    entered(S + 2000, 0, 1, right(0, 1)),
    entered(S + 3000, 0, 2, wrong(0, 2)),
    entered(S + 11_000, 0, 2, right(0, 2)), // column 0 closed at S+10 s; within 2 s grace: counts (corrects)
    entered(S + 12_500, 1, 0, right(1, 0)),
    entered(S + 13_000, 1, 1, right(1, 1), 'columnClosed'), // refused by the server: never counts
    entered(S + 22_001, 1, 2, right(1, 2)), // column 1 closed at S+20 s (+2 s grace), but a stale cache admitted it unmarked: acknowledged, so it counts
  ];
  const view = replay(steps, { startedAt: T0, durationMs: 30 * 60_000 }, 2000);
  const r = scorePsych(form, byId, view, { maxBlanksPerFactor: 0 });

  it('factor scores from likert answers (reverse keyed 6 − x)', () => {
    expect(r.factors).toEqual([
      { factor: 'E', status: 'valid', items: 2, answered: 2, blanks: 0, raw: 8, pomp: 75 },
    ]);
  });
  it('speed: the first start counts; refused entries do not; acknowledged ones do, late or not; corrections do', () => {
    const [k] = r.speed;
    expect(k?.startedAt).toBe(S);
    expect(k?.tallies).toEqual([
      { correct: 3, errors: 0, skipped: 0, reached: 3 },
      { correct: 2, errors: 0, skipped: 1, reached: 3 },
      { correct: 0, errors: 0, skipped: 0, reached: 0 },
    ]);
    expect(k?.measures.curve).toEqual([3, 2, 0]);
    expect(k?.discarded).toBe(0);
  });
  it('an acknowledged entry outside the sheet cannot be tallied and is counted as discarded', () => {
    const v = replay(
      [...steps, entered(S + 1500, 0, 3, 1)],
      { startedAt: T0, durationMs: 30 * 60_000 },
      2000,
    );
    const [k] = scorePsych(form, byId, v).speed;
    expect(k?.discarded).toBe(1);
    expect(k?.measures.curve).toEqual([3, 2, 0]);
  });
  it('a sheet never started counts no entry', () => {
    const v = replay(
      steps.filter((s) => s.type !== 'speedStarted'),
      { startedAt: T0, durationMs: 30 * 60_000 },
      2000,
    );
    expect(scorePsych(form, byId, v).speed[0]?.measures.curve).toEqual([0, 0, 0]);
  });
});

describe('scorePsych with a proctor pause during the sheet (columns of 10 s, grace 2 s)', () => {
  // Paused 4 s into column 0 for 30 s; an extension during the sheet does not move any column. Each entry is
  // marked as the save path records it (entryVerdict with the pauses known at receipt): refused entries carry
  // `columnClosed`; a fresh cache answers 423 during the pause and records nothing, a stale one admits.
  const cfg = { columns: 3, rows: 4, columnSeconds: 10 };
  const steps: Step[] = [
    started(T0),
    { at: S, type: 'speedStarted', itemId: 'k' },
    entered(S + 1_000, 0, 0, right(0, 0)),
    paused(S + 4_000),
    entered(S + 15_000, 0, 1, wrong(0, 1)), // during the pause, admitted by a stale cache: acknowledged
    extended(S + 20_000, 5),
    resumed(S + 34_000),
    entered(S + 38_000, 0, 1, right(0, 1)), // column 0 closes at S + 30 s + 10 s: ok (corrects the above)
    entered(S + 41_000, 0, 2, right(0, 2)), // within the grace after its shifted close: ok
    entered(S + 45_000, 1, 0, right(1, 0)), // column 1 open S + 40..50 s
    entered(S + 52_500, 1, 1, right(1, 1), 'columnClosed'), // after column 1's close + grace
    entered(S + 65_000, 2, 0, right(2, 0), 'columnClosed'), // column 2 open S + 50..60 s (+2 s)
    entered(S + 58_000, 2, 1, right(2, 1)), // ok
  ];
  const view = replay(steps, { startedAt: T0, durationMs: 30 * 60_000 }, 2000);

  it('replay lists the pause with its resume', () => {
    expect(view.pauses).toEqual([{ from: S + 4_000, to: S + 34_000 }]);
  });
  it('the marks are what the save path decides on the shifted deadlines (the stale admission aside)', () => {
    const verdicts = steps
      .filter((s): s is Extract<Step, { type: 'entered' }> => s.type === 'entered')
      .map((e) => entryVerdict(e, e.at, S, cfg, 2000, sheetPauseAt(view.pauses, S, e.at)));
    expect(verdicts).toEqual(['ok', 'paused', 'ok', 'ok', 'ok', 'late', 'late', 'ok']);
    // Without the pause the same receipts would be judged on unshifted deadlines: the pause is what moves them.
    const unpaused = steps
      .filter((s): s is Extract<Step, { type: 'entered' }> => s.type === 'entered')
      .map((e) => entryVerdict(e, e.at, S, cfg, 2000));
    expect(unpaused).toEqual(['ok', 'late', 'late', 'late', 'late', 'late', 'late', 'late']);
  });
  it('exactly the acknowledged entries count (acknowledged ⇔ scored), the last per cell wins', () => {
    const [k] = scorePsych(form, byId, view).speed;
    expect(k?.measures.curve).toEqual([3, 1, 1]);
    expect(k?.tallies[2]).toEqual({ correct: 1, errors: 0, skipped: 1, reached: 2 });
    expect(k?.discarded).toBe(0);
  });
  it('the stale admission during the pause counts while it is the last entry of its cell', () => {
    const v = replay(
      steps.filter((s) => !(s.type === 'entered' && s.at === S + 38_000)),
      { startedAt: T0, durationMs: 30 * 60_000 },
      2000,
    );
    const [k] = scorePsych(form, byId, v).speed;
    expect(k?.tallies[0]).toEqual({ correct: 2, errors: 1, skipped: 0, reached: 3 });
  });
});

describe('scorePsych factor order', () => {
  it('lists factors by their first item id, whatever the form order', () => {
    const li = (id: string, trait: string): Item => ({
      id,
      bankId: 'b',
      category: 'BIG5',
      stem: 's',
      kind: 'likert',
      trait,
      reverse: false,
    });
    const its = [li('i3', 'C'), li('i1', 'A'), li('i2', 'B')];
    const f: Form = { ...form, items: its.map((i) => ({ itemId: i.id, sectionId: 'S', optionOrder: [] })) };
    const view = replay([started(T0)], { startedAt: T0, durationMs: 60_000 }, 0);
    const r = scorePsych(f, new Map(its.map((i) => [i.id, i])), view, { maxBlanksPerFactor: 1 });
    expect(r.factors.map((x) => x.factor)).toEqual(['A', 'B', 'C']);
  });
});
