import { describe, expect, it } from 'vitest';
import { buildForm, type Form } from '../../functions/domain/form.ts';
import type { Item } from '../../functions/domain/items.ts';
import { wireItemId } from '../../functions/domain/wire.ts';
import { presentForm } from '../../functions/services/present.ts';
import { single, syntheticBank, tinyExam } from '../domain/fixtures.ts';

describe('presentForm', () => {
  it('strips keys and weights, orders options, numbers from 1; ids are wire ids (keyed item ids, display letters)', () => {
    const items: Item[] = [
      { ...single('b', 'q1', 'TWK', 'c'), image: 'items/q1.png' },
      {
        id: 'q2',
        bankId: 'b',
        category: 'TKP',
        kind: 'weighted',
        stem: 'S2',
        options: [
          { id: 'a', text: 'A', image: 'items/a.png' },
          { id: 'b', text: 'B' },
        ],
        weights: { a: 1, b: 5 },
      },
    ];
    const form: Form = {
      examId: 'tiny',
      examVersion: 1,
      seed: 's',
      items: [
        { itemId: 'q2', sectionId: 'TKP', optionOrder: ['b', 'a'] },
        { itemId: 'q1', sectionId: 'TWK', optionOrder: ['e', 'd', 'c', 'b', 'a'] },
      ],
    };
    const shown = presentForm(form, new Map(items.map((i) => [i.id, i])));
    expect(shown).toEqual([
      {
        itemId: wireItemId('s', 'q2'),
        number: 1,
        sectionId: 'TKP',
        kind: 'weighted',
        stem: 'S2',
        options: [
          { id: 'a', text: 'B' },
          { id: 'b', text: 'A', image: 'items/a.png' },
        ],
      },
      {
        itemId: wireItemId('s', 'q1'),
        number: 2,
        sectionId: 'TWK',
        kind: 'single',
        stem: 'Soal q1',
        image: 'items/q1.png',
        options: ['e', 'd', 'c', 'b', 'a'].map((l, k) => ({ id: 'abcde'[k], text: `q1-${l}` })),
      },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/key|weights|"itemId":"q/);
  });

  it('fails on an unknown item', () => {
    const form: Form = {
      examId: 'x',
      examVersion: 1,
      seed: 's',
      items: [{ itemId: 'nope', sectionId: 'A', optionOrder: [] }],
    };
    expect(() => presentForm(form, new Map())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('presentForm of a likert item', () => {
  it('sends no option texts: the client renders the 1–5 scale in its language', () => {
    const likert: Item = {
      id: 'psi-001',
      bankId: 'b',
      category: 'PSI',
      stem: 'Saya teliti.',
      kind: 'likert',
      trait: 'C',
      reverse: true,
    };
    const bank = [...syntheticBank('b', { TWK: 3 }), likert];
    const exam = tinyExam({
      sections: [
        { id: 'TWK', title: 'TWK', bankId: 'b', draws: [{ category: 'TWK', count: 3 }], correctPoints: 5 },
        { id: 'PSI', title: 'PSI', bankId: 'b', draws: [{ category: 'PSI', count: 1 }], correctPoints: 5 },
      ],
    });
    const form = buildForm(exam, bank, 'cd'.repeat(32));
    const shown = presentForm(form, new Map(bank.map((i) => [i.id, i])));
    expect(shown.at(-1)).toEqual({
      itemId: wireItemId('cd'.repeat(32), 'psi-001'),
      number: 4,
      sectionId: 'PSI',
      kind: 'likert',
      stem: 'Saya teliti.',
      options: [],
    });
  });
});
