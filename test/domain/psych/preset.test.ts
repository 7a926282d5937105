import { describe, expect, it } from 'vitest';
import { buildForm } from '../../../functions/domain/form.ts';
import { isConfidentialScheme, psychPreset } from '../../../functions/domain/psych/preset.ts';
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
