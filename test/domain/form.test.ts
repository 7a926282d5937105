import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors.ts';
import { buildForm, type Form, prepareBank, sectionSeed } from '../../functions/domain/form.ts';
import { canonicalJson } from '../../functions/domain/hashchain.ts';
import type { Item } from '../../functions/domain/items.ts';
import { createPrng } from '../../functions/domain/prng.ts';
import { sha256Hex } from '../../functions/domain/seed.ts';
import { single, syntheticBank, tinyExam } from './fixtures.ts';

const bank = syntheticBank('b', { TWK: 6, TKP: 4 });
const exam = tinyExam();
const seedOf = (i: number) => sha256Hex(`seed-${i}`);
const formHash = (f: Form) => createHash('sha256').update(canonicalJson(f)).digest('hex');

describe('buildForm determinism', () => {
  it('pins one form: a change of PRNG, derivation or draw order fails here', () => {
    const form = buildForm(exam, bank, 'ab'.repeat(32));
    expect(form.items.map((i) => `${i.itemId}:${i.optionOrder.join('')}`)).toEqual(GOLDEN_FORM);
    expect(formHash(form)).toBe(GOLDEN_FORM_HASH);
  });

  it.each([0, 1, 2, 3])('seed #%i: same (exam, seed) gives the same form, whatever the bank order', (i) => {
    const a = buildForm(exam, bank, seedOf(i));
    const b = buildForm(exam, [...bank].reverse(), seedOf(i));
    const c = buildForm(exam, [...bank.slice(5), ...bank.slice(0, 5)], seedOf(i));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('a bank prepared once gives the same forms as the raw bank, and is reusable', () => {
    const prepared = prepareBank([...bank].reverse());
    for (const i of [0, 1, 2, 3, 4, 5])
      expect(buildForm(exam, prepared, seedOf(i))).toEqual(buildForm(exam, bank, seedOf(i)));
    expect(
      buildForm(exam, prepared, 'ab'.repeat(32)).items.map((i) => `${i.itemId}:${i.optionOrder.join('')}`),
    ).toEqual(GOLDEN_FORM);
  });

  it('forms of one prepared bank share frozen items: one object per (item, section, option order)', () => {
    const prepared = prepareBank(bank);
    const forms = Array.from({ length: 40 }, (_, i) => buildForm(exam, prepared, seedOf(i)));
    const byKey = new Map<string, Form['items'][number]>();
    for (const f of forms)
      for (const fi of f.items) {
        expect(Object.isFrozen(fi) && Object.isFrozen(fi.optionOrder)).toBe(true);
        const key = `${fi.sectionId}|${fi.itemId}|${fi.optionOrder.join(',')}`;
        const seen = byKey.get(key);
        if (seen) expect(fi).toBe(seen);
        else byKey.set(key, fi);
      }
    // Equal items are one object; different orders of one item are not.
    expect(new Set(forms.flatMap((f) => f.items)).size).toBe(byKey.size);
    expect(byKey.size).toBeLessThan(forms.reduce((n, f) => n + f.items.length, 0));
  });

  it('a bank prepared once and used by two exams numbering their sections differently gives each its own forms', () => {
    const reversed = { ...exam, sections: [...exam.sections].reverse() };
    const prepared = prepareBank(bank);
    for (const i of [0, 1, 2, 3]) {
      expect(buildForm(exam, prepared, seedOf(i))).toEqual(buildForm(exam, bank, seedOf(i)));
      expect(buildForm(reversed, prepared, seedOf(i))).toEqual(buildForm(reversed, bank, seedOf(i)));
    }
  });

  it('different seeds give different forms', () => {
    const hashes = new Set(Array.from({ length: 50 }, (_, i) => formHash(buildForm(exam, bank, seedOf(i)))));
    expect(hashes.size).toBe(50);
  });

  it('keeps sections in exam order, draws the blueprint counts, no item twice, options a permutation', () => {
    const form = buildForm(exam, bank, seedOf(7));
    expect(form.items.map((i) => i.sectionId)).toEqual(['TWK', 'TWK', 'TWK', 'TKP', 'TKP']);
    expect(new Set(form.items.map((i) => i.itemId)).size).toBe(5);
    for (const fi of form.items) {
      expect(fi.itemId.startsWith(fi.sectionId.toLowerCase())).toBe(true);
      expect([...fi.optionOrder].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
    expect(form).toMatchObject({ examId: 'tiny', examVersion: 1, seed: seedOf(7) });
  });
});

describe('buildForm worked by hand from a scripted PRNG', () => {
  /** Stream per section seed: returns the scripted numbers in order, throws when asked for one more. */
  const scripted = (scripts: Record<string, number[]>) => {
    const left = new Map(Object.entries(scripts).map(([k, v]) => [k, [...v]]));
    const prngOf = (sectionSeedHex: string) => {
      const list = left.get(sectionSeedHex);
      if (!list) throw new Error(`no script for section seed ${sectionSeedHex}`);
      return () => {
        const r = list.shift();
        if (r === undefined)
          throw new Error('script exhausted: the derivation drew more numbers than worked out');
        return r;
      };
    };
    return { prngOf, unused: () => [...left.values()].flat() };
  };
  const opts = (ids: string[]) => ids.map((id) => ({ id, text: id.toUpperCase() }));
  const items: Item[] = [
    // listed out of id order on purpose: pools are sorted by id
    {
      id: 'a3',
      bankId: 'b',
      category: 'A',
      stem: 'S',
      kind: 'single',
      options: opts(['x', 'y', 'z']),
      key: 'x',
    },
    {
      id: 'a1',
      bankId: 'b',
      category: 'A',
      stem: 'S',
      kind: 'single',
      options: opts(['x', 'y', 'z']),
      key: 'x',
    },
    {
      id: 'a2',
      bankId: 'b',
      category: 'A',
      stem: 'S',
      kind: 'single',
      options: opts(['x', 'y', 'z']),
      key: 'x',
    },
    {
      id: 'b2',
      bankId: 'b',
      category: 'B',
      stem: 'S',
      kind: 'weighted',
      options: opts(['p', 'q']),
      weights: { p: 1, q: 2 },
    },
    {
      id: 'b1',
      bankId: 'b',
      category: 'B',
      stem: 'S',
      kind: 'weighted',
      options: opts(['p', 'q']),
      weights: { p: 1, q: 2 },
    },
  ];
  const handExam = tinyExam({
    id: 'hand',
    sections: [
      { id: 'SA', title: 'A', bankId: 'b', draws: [{ category: 'A', count: 2 }], correctPoints: 5 },
      { id: 'SB', title: 'B', bankId: 'b', draws: [{ category: 'B', count: 1 }], correctPoints: 5 },
    ],
  });
  const seed = '0123456789abcdef'.repeat(4);

  it('gives the form derived on paper, drawing exactly the numbers worked out', () => {
    // Section SA, pool sorted by id [a1, a2, a3]:
    //   pickN 2:  i=0: j = 0 + floor(0.5·3) = 1 -> [a2, a1, a3]; i=1: j = 1 + floor(0.9·2) = 2 -> [a2, a3, a1]
    //             chosen [a2, a3]
    //   shuffle:  i=1: j = floor(0.1·2) = 0 -> [a3, a2]
    //   a3 options [x, y, z]: i=2: j = floor(0.0·3) = 0 -> [z, y, x]; i=1: j = floor(0.7·2) = 1 -> [z, y, x]
    //   a2 options [x, y, z]: i=2: j = floor(0.99·3) = 2 -> [x, y, z]; i=1: j = floor(0.2·2) = 0 -> [y, x, z]
    // Section SB, pool [b1, b2]:
    //   pickN 1:  i=0: j = floor(0.6·2) = 1 -> [b2, b1]; chosen [b2]; shuffle of one item draws nothing
    //   b2 options [p, q]: i=1: j = floor(0.3·2) = 0 -> [q, p]
    const script = scripted({
      [sectionSeed(seed, 'hand', 'SA')]: [0.5, 0.9, 0.1, 0.0, 0.7, 0.99, 0.2],
      [sectionSeed(seed, 'hand', 'SB')]: [0.6, 0.3],
    });
    const form = buildForm(handExam, items, seed, script.prngOf);
    expect(form).toEqual({
      examId: 'hand',
      examVersion: 1,
      seed,
      items: [
        { itemId: 'a3', sectionId: 'SA', optionOrder: ['z', 'y', 'x'] },
        { itemId: 'a2', sectionId: 'SA', optionOrder: ['y', 'x', 'z'] },
        { itemId: 'b2', sectionId: 'SB', optionOrder: ['q', 'p'] },
      ],
    });
    expect(script.unused()).toEqual([]);
  });

  it('the default stream is sfc32 seeded with the section seed (same form as passing createPrng)', () => {
    expect(buildForm(handExam, items, seed)).toEqual(buildForm(handExam, items, seed, createPrng));
  });
});

describe('buildForm selection', () => {
  it.each([
    // pool == count: the whole pool is taken, in some order
    [{ TWK: 3, TKP: 2 }, ['twk-001', 'twk-002', 'twk-003'], ['tkp-001', 'tkp-002']],
  ])('bank %j: sections take exactly %j and %j', (counts, twk, tkp) => {
    const form = buildForm(exam, syntheticBank('b', counts), seedOf(1));
    expect(
      form.items
        .filter((i) => i.sectionId === 'TWK')
        .map((i) => i.itemId)
        .sort(),
    ).toEqual(twk);
    expect(
      form.items
        .filter((i) => i.sectionId === 'TKP')
        .map((i) => i.itemId)
        .sort(),
    ).toEqual(tkp);
  });

  it('honours difficulty and never draws an item twice across draws', () => {
    const items: Item[] = [
      { ...single('b', 'twk-e1', 'TWK'), difficulty: 'easy' },
      { ...single('b', 'twk-h1', 'TWK'), difficulty: 'hard' },
      { ...single('b', 'twk-h2', 'TWK'), difficulty: 'hard' },
    ];
    const ex = tinyExam({
      sections: [
        {
          id: 'TWK',
          title: 'TWK',
          bankId: 'b',
          draws: [
            { category: 'TWK', count: 1, difficulty: 'easy' },
            { category: 'TWK', count: 2 },
          ],
          correctPoints: 5,
        },
      ],
    });
    for (let i = 0; i < 20; i++) {
      const ids = buildForm(ex, items, seedOf(i)).items.map((x) => x.itemId);
      expect([...ids].sort()).toEqual(['twk-e1', 'twk-h1', 'twk-h2']);
    }
  });

  it('two sections drawing one bank category never share an item (the draws of other categories are not filtered)', () => {
    const items: Item[] = [
      single('b', 'twk-1', 'TWK'),
      single('b', 'twk-2', 'TWK'),
      single('b', 'twk-3', 'TWK'),
      single('b', 'tiu-1', 'TIU'),
      single('b', 'tiu-2', 'TIU'),
    ];
    const section = (id: string, category: string, count: number) => ({
      id,
      title: id,
      bankId: 'b',
      draws: [{ category, count }],
      correctPoints: 5,
    });
    const ex = tinyExam({
      sections: [section('S1', 'TWK', 2), section('S2', 'TIU', 2), section('S3', 'TWK', 1)],
    });
    for (let i = 0; i < 20; i++) {
      const ids = buildForm(ex, items, seedOf(i)).items.map((x) => x.itemId);
      expect([...ids].sort()).toEqual(['tiu-1', 'tiu-2', 'twk-1', 'twk-2', 'twk-3']);
    }
  });

  it.each([
    ['too few of the category', { TWK: 2, TKP: 4 }, 'b', { sectionId: 'TWK', needed: 3, available: 2 }],
    ['none of the category', { TWK: 6 }, 'b', { sectionId: 'TKP', needed: 2, available: 0 }],
    ['other bank', { TWK: 6, TKP: 4 }, 'other', { sectionId: 'TWK', needed: 3, available: 0 }],
  ])('%s -> BANK_TOO_SMALL', (_name, counts, bankId, details) => {
    let caught: unknown;
    try {
      buildForm(exam, syntheticBank(bankId, counts), seedOf(0));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('BANK_TOO_SMALL');
    expect((caught as DomainError).details).toMatchObject(details);
  });

  it('rejects duplicate ids in a bank', () => {
    expect(() => buildForm(exam, [...bank, single('b', 'twk-001', 'TWK')], seedOf(0))).toThrow(/duplicate/);
  });
});

describe('buildForm distribution', () => {
  it('every item appears, each about as often as the others (TWK: 3 of 6, p = 1/2)', () => {
    const seen = new Map<string, number>();
    const N = 2000;
    for (let i = 0; i < N; i++)
      for (const fi of buildForm(exam, bank, seedOf(i)).items)
        seen.set(fi.itemId, (seen.get(fi.itemId) ?? 0) + 1);
    expect(seen.size).toBe(10);
    // TWK: Binomial(2000, 1/2): mean 1000, sd ≈ 22.4 -> ±5 sd = ±112; TKP: 2 of 4 also p = 1/2
    for (const n of seen.values()) expect(Math.abs(n - N / 2)).toBeLessThan(112);
  });

  it('option positions are uniform (chi-square, 4 df, p = 0.001 critical value 18.47) over 10k forms', () => {
    const N = 10_000;
    const counts = new Map<string, number[]>();
    for (let i = 0; i < N; i++) {
      const first = buildForm(exam, bank, seedOf(i)).items[0];
      first?.optionOrder.forEach((oid, pos) => {
        const row = counts.get(oid) ?? [0, 0, 0, 0, 0];
        row[pos] = (row[pos] ?? 0) + 1;
        counts.set(oid, row);
      });
    }
    expect(counts.size).toBe(5);
    const expected = N / 5;
    for (const row of counts.values()) {
      const chi2 = row.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(18.47);
    }
  });
});

/** buildForm(tinyExam, TWK 6 + TKP 4, 'ab' x 32), recorded when the derivation was written. */
const GOLDEN_FORM = ['twk-001:caebd', 'twk-006:ecadb', 'twk-003:cabde', 'tkp-002:cbdea', 'tkp-003:abcde'];
const GOLDEN_FORM_HASH = '5890e89765e9d4e652b65dcec9d3e3f12999a9b206ece06d7bcc955a7e57c896';

describe('item kinds on a form', () => {
  const likert: Item = {
    id: 'psi-001',
    bankId: 'b',
    category: 'PSI',
    stem: 'Saya teliti.',
    kind: 'likert',
    trait: 'C',
    reverse: true,
  };
  const psych = tinyExam({
    sections: [
      { id: 'TWK', title: 'TWK', bankId: 'b', draws: [{ category: 'TWK', count: 3 }], correctPoints: 5 },
      { id: 'PSI', title: 'PSI', bankId: 'b', draws: [{ category: 'PSI', count: 1 }], correctPoints: 5 },
    ],
  });

  it('likert keeps the 1–5 scale in order and consumes no draws; presented without option texts', () => {
    const form = buildForm(psych, [...bank, likert], seedOf(3));
    expect(form.items.at(-1)).toEqual({
      itemId: 'psi-001',
      sectionId: 'PSI',
      optionOrder: ['1', '2', '3', '4', '5'],
    });
    // the TWK section's stream is independent of the PSI section: same as on the tiny exam
    expect(form.items.slice(0, 3)).toEqual(buildForm(exam, bank, seedOf(3)).items.slice(0, 3));
  });

  it('a speed item is served as one form item without options (its sheet comes from domain/psych)', () => {
    const speed: Item = {
      id: 'kr-1',
      bankId: 'b',
      category: 'PSI',
      stem: 'Jumlahkan',
      kind: 'speed',
      columns: 2,
      rows: 3,
      columnSeconds: 5,
    };
    const form = buildForm(psych, [...bank, speed], seedOf(3));
    expect(form.items.find((i) => i.itemId === 'kr-1')).toEqual({
      itemId: 'kr-1',
      sectionId: 'PSI',
      optionOrder: [],
    });
  });
});
