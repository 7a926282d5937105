import { describe, expect, it } from 'vitest';
import type { Exam } from '../../functions/domain/exam.ts';
import { buildForm } from '../../functions/domain/form.ts';
import type { Item, WeightedItem } from '../../functions/domain/items.ts';
import { pppkPreset, skdPreset } from '../../functions/domain/presets.ts';
import { replay } from '../../functions/domain/replay.ts';
import { scoreAttempt } from '../../functions/domain/scoring.ts';
import { DEFAULT_GRACE_MS } from '../../functions/domain/timing.ts';
import { MIN, syntheticBank, T0, tinyExam } from './fixtures.ts';
import { ans, reset, started } from './steps-helpers.ts';

const exam = skdPreset({ id: 'skd', bankId: 'skd' });
// exactly the blueprint: every item is on every form
const bank = syntheticBank('skd', { TWK: 30, TIU: 35, TKP: 45 });
const itemsById = new Map(bank.map((i) => [i.id, i]));
const form = buildForm(exam, bank, 'ab'.repeat(32));
const WEIGHT_LETTER: Record<number, string> = { 5: 'a', 4: 'b', 3: 'c', 2: 'd', 1: 'e' };

/**
 * Answers: the first `twk` TWK and `tiu` TIU items correct ('a'), the rest wrong ('b');
 * TKP: `tkp` lists [weight, how many] for consecutive TKP items; the rest blank.
 */
function answers(twk: number, tiu: number, tkp: Array<[number, number]>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (let i = 1; i <= 30; i++) out.set(`twk-${String(i).padStart(3, '0')}`, i <= twk ? 'a' : 'b');
  for (let i = 1; i <= 35; i++) out.set(`tiu-${String(i).padStart(3, '0')}`, i <= tiu ? 'a' : 'b');
  let n = 1;
  for (const [w, count] of tkp)
    for (let k = 0; k < count; k++) out.set(`tkp-${String(n++).padStart(3, '0')}`, WEIGHT_LETTER[w] ?? null);
  return out;
}

describe('scoreAttempt on SKD', () => {
  it.each<[string, Map<string, string | null>, string, [number, number, number], boolean | null]>([
    ['all blank', new Map(), 'umum', [0, 0, 0], false],
    ['all correct / best', answers(30, 35, [[5, 45]]), 'umum', [150, 175, 225], true],
    // 13×5 = 65, 16×5 = 80, 31×4 + 14×3 = 166: exactly at every threshold
    [
      'exactly the passing grade',
      answers(13, 16, [
        [4, 31],
        [3, 14],
      ]),
      'umum',
      [65, 80, 166],
      true,
    ],
    [
      'TWK one item below',
      answers(12, 16, [
        [4, 31],
        [3, 14],
      ]),
      'umum',
      [60, 80, 166],
      false,
    ],
    [
      'TIU one item below',
      answers(13, 15, [
        [4, 31],
        [3, 14],
      ]),
      'umum',
      [65, 75, 166],
      false,
    ],
    // 30×4 + 15×3 = 165
    [
      'TKP one point below',
      answers(13, 16, [
        [4, 30],
        [3, 15],
      ]),
      'umum',
      [65, 80, 165],
      false,
    ],
    ['TKP partial credit: all weight 1', answers(0, 0, [[1, 45]]), 'umum', [0, 0, 45], false],
    [
      'TKP partial credit: mixed 5/3/1 blanks',
      answers(0, 0, [
        [5, 10],
        [3, 10],
        [1, 10],
      ]),
      'umum',
      [0, 0, 90],
      false,
    ],
    // cumlaude: total >= 271 and TIU >= 85; no TWK or TKP minimum. 50 + 85 + (1×4 + 44×3 = 136) = 271
    [
      'cumlaude at 271 / TIU 85 (TKP 136 is below the general 166: no TKP minimum)',
      answers(10, 17, [
        [4, 1],
        [3, 44],
      ]),
      'cumlaude',
      [50, 85, 136],
      true,
    ],
    [
      'cumlaude total 266',
      answers(9, 17, [
        [4, 1],
        [3, 44],
      ]),
      'cumlaude',
      [45, 85, 136],
      false,
    ],
    // 65 + 80 + 166 = 311 and TKP 166 (the old TKP rule passed this) but TIU 80 < 85
    [
      'cumlaude total 311 with TKP 166 but TIU 80',
      answers(13, 16, [
        [4, 31],
        [3, 14],
      ]),
      'cumlaude',
      [65, 80, 166],
      false,
    ],
    [
      'diaspora with TWK 0 but TIU 175 and total 341',
      answers(0, 35, [
        [4, 31],
        [3, 14],
      ]),
      'diaspora',
      [0, 175, 166],
      true,
    ],
    // disabilitas: total >= 260 and TIU >= 70. 50 + 70 + (5×4 + 40×3 = 140) = 260
    [
      'disabilitas at 260 / TIU 70',
      answers(10, 14, [
        [4, 5],
        [3, 40],
      ]),
      'disabilitas',
      [50, 70, 140],
      true,
    ],
    [
      'disabilitas 260 but TIU 65',
      answers(11, 13, [
        [4, 5],
        [3, 40],
      ]),
      'disabilitas',
      [55, 65, 140],
      false,
    ],
    // putra-putri-papua: total >= 260 and TIU >= 60. 60 + 60 + 140 = 260
    [
      'putra-putri-papua at 260 / TIU 60',
      answers(12, 12, [
        [4, 5],
        [3, 40],
      ]),
      'putra-putri-papua',
      [60, 60, 140],
      true,
    ],
    [
      'unknown formation type falls back to umum',
      answers(13, 16, [
        [4, 31],
        [3, 14],
      ]),
      'khusus-x',
      [65, 80, 166],
      true,
    ],
  ])('%s (%s)', (_n, given, formationType, [twk, tiu, tkp], passed) => {
    const s = scoreAttempt(exam, form, itemsById, given, formationType);
    expect(s.sections).toEqual({ TWK: twk, TIU: tiu, TKP: tkp });
    expect(s.total).toBe(twk + tiu + tkp);
    expect(s.max).toEqual({ TWK: 150, TIU: 175, TKP: 225 });
    expect(s.maxTotal).toBe(550);
    expect(s.passed).toBe(passed);
    expect(s.grade?.formationType).toBe(formationType === 'khusus-x' ? 'umum' : formationType);
  });

  it('choices that are not options score 0; answers for items not on the form are ignored', () => {
    const s = scoreAttempt(
      exam,
      form,
      itemsById,
      new Map([
        ['twk-001', 'z'],
        ['tkp-001', 'z'],
        ['other-1', 'a'],
      ]),
      'umum',
    );
    expect(s.total).toBe(0);
  });

  it('passed is null without a passing grade for the type nor an umum default', () => {
    const noUmum: Exam = {
      ...exam,
      passingGrades: exam.passingGrades.filter((g) => g.formationType !== 'umum'),
    };
    expect(scoreAttempt(noUmum, form, itemsById, new Map(), 'khusus-x').passed).toBeNull();
    expect(scoreAttempt(noUmum, form, itemsById, new Map(), 'khusus-x').grade).toBeUndefined();
    const pppk = pppkPreset({ id: 'skd', bankId: 'skd' });
    const f: typeof form = { ...form, items: [] };
    expect(scoreAttempt(pppk, f, itemsById, new Map(), 'umum')).toEqual({
      sections: { TEKNIS: 0, MANAJERIAL: 0, SOSIOKULTURAL: 0, WAWANCARA: 0 },
      max: { TEKNIS: 0, MANAJERIAL: 0, SOSIOKULTURAL: 0, WAWANCARA: 0 },
      total: 0,
      maxTotal: 0,
      passed: null,
    });
  });

  it.each([
    ['other exam', { ...form, examId: 'x' }, 'VALIDATION'],
    ['other version', { ...form, examVersion: 2 }, 'VALIDATION'],
    [
      'unknown item',
      { ...form, items: [{ itemId: 'nope', sectionId: 'TWK', optionOrder: [] }] },
      'NOT_FOUND',
    ],
  ])('%s -> %s', (_n, f, code) => {
    expect(() => scoreAttempt(exam, f, itemsById, new Map(), 'umum')).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe('replay + score (tiny exam: TWK 3 single key a, TKP 2 weighted a5..e1)', () => {
  const tiny = tinyExam();
  const tinyBank = syntheticBank('b', { TWK: 3, TKP: 2 });
  const tinyForm = buildForm(tiny, tinyBank, 'cd'.repeat(32));
  const meta = { startedAt: T0, durationMs: 10 * MIN };
  const D = T0 + 10 * MIN;
  const steps = [
    started(T0),
    ans(T0 + 1000, 1, 1, 'twk-001', 'b'),
    ans(T0 + 2000, 1, 2, 'twk-001', 'a'), // changed: last counts -> 5
    ans(D + DEFAULT_GRACE_MS + 1, 1, 3, 'twk-002', 'a', 'late'), // refused late by the server -> ignored
    ans(T0 + 3000, 1, 4, 'tkp-001', 'b'), // 4
    reset(T0 + 4000, 2),
    ans(T0 + 5000, 1, 5, 'twk-003', 'a', 'retiredDevice'), // refused: retired device -> ignored
    ans(T0 + 6000, 2, 1, 'tkp-002', 'c'), // 3
  ];
  const view = replay(steps, meta, DEFAULT_GRACE_MS);

  it('counts the last answer, ignores refused late and retired-device answers', () => {
    const byId = new Map(tinyBank.map((i) => [i.id, i]));
    const s = scoreAttempt(tiny, tinyForm, byId, view.answers, 'umum');
    expect(s.sections).toEqual({ TWK: 5, TKP: 7 });
    expect(s.total).toBe(12);
    expect(s.max).toEqual({ TWK: 15, TKP: 10 });
  });

  it('regrade = replay with changed keys: twk-001 key a->b, tkp-001 weight of b 4->1', () => {
    const changed: Item[] = tinyBank.map((i) => {
      if (i.id === 'twk-001' && i.kind === 'single') return { ...i, key: 'b' };
      if (i.id === 'tkp-001' && i.kind === 'weighted')
        return { ...i, weights: { a: 5, b: 1, c: 3, d: 2, e: 4 } } satisfies WeightedItem;
      return i;
    });
    const again = replay(steps, meta, DEFAULT_GRACE_MS);
    const s = scoreAttempt(tiny, tinyForm, new Map(changed.map((i) => [i.id, i])), again.answers, 'umum');
    expect(s.sections).toEqual({ TWK: 0, TKP: 4 });
    expect(s.total).toBe(4);
  });
});
