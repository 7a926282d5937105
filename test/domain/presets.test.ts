import { describe, expect, it } from 'vitest';
import { pppkPreset, SKD_PASSING_GRADES, skdPreset } from '../../functions/domain/presets.ts';

const count = (draws: Array<{ count: number }>) => draws.reduce((s, d) => s + d.count, 0);

describe('skdPreset', () => {
  const exam = skdPreset({ id: 'skd-2026', bankId: 'bank-1' });
  it.each([
    ['TWK', 30, 150],
    ['TIU', 35, 175],
    ['TKP', 45, 225],
  ])('%s: %i items, max %i at 5 points', (id, n, max) => {
    const s = exam.sections.find((x) => x.id === id);
    expect(s && count(s.draws)).toBe(n);
    expect(s?.correctPoints).toBe(5);
    expect(n * 5).toBe(max);
    expect(s?.bankId).toBe('bank-1');
  });

  it('110 items, 100 minutes, version 1, in order TWK TIU TKP', () => {
    expect(exam.sections.map((s) => s.id)).toEqual(['TWK', 'TIU', 'TKP']);
    expect(exam.sections.reduce((n, s) => n + count(s.draws), 0)).toBe(110);
    expect(exam).toMatchObject({ id: 'skd-2026', version: 1, scheme: 'SKD', durationMinutes: 100 });
    expect(skdPreset({ id: 'x', bankId: 'b', version: 4 }).version).toBe(4);
  });

  it.each([
    ['umum', { TWK: 65, TIU: 80, TKP: 166 }, undefined],
    // special formations: a cumulative minimum plus a TIU minimum (PermenPANRB 24/2019), never TKP
    ['cumlaude', { TIU: 85 }, 271],
    ['diaspora', { TIU: 85 }, 271],
    ['disabilitas', { TIU: 70 }, 260],
    ['putra-putri-papua', { TIU: 60 }, 260],
  ])('passing grade %s = %j, total %s', (type, sections, total) => {
    const g = exam.passingGrades.find((x) => x.formationType === type);
    expect(g?.sections).toEqual(sections);
    expect(g?.total).toBe(total);
  });

  it('grades are data: overridable and copied (mutating one exam does not touch the preset)', () => {
    const custom = skdPreset({
      id: 'x',
      bankId: 'b',
      passingGrades: [{ formationType: 'umum', label: 'U', sections: { TWK: 70 } }],
    });
    expect(custom.passingGrades).toEqual([{ formationType: 'umum', label: 'U', sections: { TWK: 70 } }]);
    const a = skdPreset({ id: 'x', bankId: 'b' });
    (a.passingGrades[0] as { sections: Record<string, number> }).sections.TWK = 1;
    expect(SKD_PASSING_GRADES[0]?.sections.TWK).toBe(65);
  });
});

describe('pppkPreset', () => {
  const exam = pppkPreset({ id: 'pppk', bankId: 'b' });
  it.each([
    ['TEKNIS', 90],
    ['MANAJERIAL', 25],
    ['SOSIOKULTURAL', 20],
    ['WAWANCARA', 10],
  ])('%s: %i items', (id, n) => {
    const s = exam.sections.find((x) => x.id === id);
    expect(s && count(s.draws)).toBe(n);
  });
  it('145 items, 120 minutes, no passing grade by default', () => {
    expect(exam.sections.reduce((n, s) => n + count(s.draws), 0)).toBe(145);
    expect(exam).toMatchObject({ scheme: 'PPPK', durationMinutes: 120, passingGrades: [] });
  });
});
