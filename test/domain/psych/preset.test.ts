import { describe, expect, it } from 'vitest';
import { buildForm } from '../../../functions/domain/form.ts';
import type { FactorScore } from '../../../functions/domain/psych/likert.ts';
import {
  isConfidentialScheme,
  psychPreset,
  psychSkbValue,
  psychSkbValueFromT,
} from '../../../functions/domain/psych/preset.ts';
import { DEFAULT_SKB_COMPONENT_WEIGHTS } from '../../../functions/domain/skb.ts';
import { psychBank } from '../../../functions/local/demo/psych-ipip.ts';

describe('psychPreset', () => {
  const exam = psychPreset({ id: 'psi', bankId: 'b' });
  it('is a PSYCH exam without passing grades: 50 inventory items and one Kraepelin sheet', () => {
    expect(exam.scheme).toBe('PSYCH');
    expect(exam.passingGrades).toEqual([]);
    expect(exam.sections.map((s) => [s.id, s.draws])).toEqual([
      ['INVENTORI', [{ category: 'BIG5', count: 50 }]],
      ['KRAEPELIN', [{ category: 'KRAEPELIN', count: 1 }]],
    ]);
  });
  it('forms from the demo psych bank: every IPIP item once, likert 1..5 in order, the sheet last', () => {
    const form = buildForm(exam, psychBank('b'), 'd'.repeat(64));
    expect(form.items).toHaveLength(51);
    expect(new Set(form.items.map((i) => i.itemId)).size).toBe(51);
    expect(form.items[0]?.optionOrder).toEqual(['1', '2', '3', '4', '5']);
    expect(form.items.at(-1)).toEqual({ itemId: 'kraepelin-1', sectionId: 'KRAEPELIN', optionOrder: [] });
  });
  it.each([
    ['PSYCH', true],
    ['SKD', false],
    ['PPPK', false],
  ] as const)('scheme %s confidential: %s', (scheme, want) => {
    expect(isConfidentialScheme(scheme)).toBe(want);
  });
});

describe('psych as an SKB component', () => {
  const valid = (pomp: number): FactorScore => ({
    factor: 'x',
    status: 'valid',
    items: 10,
    answered: 10,
    blanks: 0,
    raw: 10 + pomp * 0.4,
    pomp,
  });
  const invalid: FactorScore = {
    factor: 'y',
    status: 'invalid',
    items: 10,
    answered: 5,
    blanks: 5,
    reason: 'tooManyBlanks',
  };
  it.each([
    // mean of valid factors' POMP, rounded half up to thousandths
    [[valid(50), valid(75)], 62.5],
    [[valid(100 / 3), valid(0), invalid], 16.667],
    [[valid(12.3455)], 12.346],
    [[invalid], null],
    [[], null],
  ])('%# -> %s', (factors, want) => {
    expect(psychSkbValue(factors)).toBe(want);
  });
  it.each([
    // mean T of the normed valid factors, clamped to 0..100, rounded half up to thousandths
    [[50, 60], 55],
    [[40, 45, 47.0005], 44],
    [[61.2345], 61.235],
    [[120, 110], 100], // T above 100 (z > 5): the SKB scale ends at 100
    [[-20], 0],
    [[], null],
  ])('meanT %j -> %s', (ts, want) => {
    expect(psychSkbValueFromT(ts)).toBe(want);
  });
  it('is not among the default SKB components (default weight 0: informational only)', () => {
    expect(Object.keys(DEFAULT_SKB_COMPONENT_WEIGHTS)).not.toContain('PSIKOTES');
  });
});
