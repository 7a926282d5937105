import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../functions/domain/errors.ts';
import { type NormRow, normTableFromRows } from '../../../functions/domain/psych/norm-table.ts';

const row = (line: number, instrument: string, measure: string, extra: Partial<NormRow> = {}): NormRow => ({
  line,
  instrument,
  measure,
  mean: 30,
  sd: 6,
  n: 200,
  points: [],
  ...extra,
});

describe('normTableFromRows', () => {
  it('keys scales instrument.measure; percentile points sorted by P', () => {
    const t = normTableFromRows('t1', 'Norma lokal 2025', [
      row(2, 'big5', 'extraversion'),
      row(3, 'kraepelin', 'panker', {
        mean: 12,
        sd: 3,
        n: null,
        points: [
          { percentile: 90, raw: 16 },
          { percentile: 10, raw: 8 },
        ],
      }),
    ]);
    expect(t).toEqual({
      id: 't1',
      description: 'Norma lokal 2025',
      scales: {
        'big5.extraversion': { mean: 30, sd: 6, n: 200 },
        'kraepelin.panker': {
          mean: 12,
          sd: 3,
          n: null,
          points: [
            { percentile: 10, raw: 8 },
            { percentile: 90, raw: 16 },
          ],
        },
      },
    });
  });

  const refused = (rows: NormRow[]) => {
    try {
      normTableFromRows('t', 'd', rows);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).key).toBe('VALIDATION.normTable');
      return (e as DomainError).details as { fields: Record<string, string[]> };
    }
    throw new Error('not refused');
  };
  it.each([
    ['an unknown instrument', [row(2, 'mbti', 'x')], 'line 2', 'unknown instrument'],
    ['an unknown Kraepelin measure', [row(2, 'kraepelin', 'speed')], 'line 2', 'unknown measure'],
    ['a factor name that is not a name', [row(2, 'big5', 'extra version')], 'line 2', 'unknown measure'],
    ['a scale twice', [row(2, 'big5', 'intellect'), row(3, 'big5', 'intellect')], 'line 3', 'listed twice'],
    ['sd 0', [row(4, 'big5', 'intellect', { sd: 0 })], 'line 4', 'sd must be > 0'],
    ['no rows', [], 'line 1', 'no rows'],
  ])('refuses %s, naming its line', (_n, rows, line, msg) => {
    const { fields } = refused(rows);
    expect(fields[line]?.join(' ')).toContain(msg);
  });
  it('reports every bad line at once', () => {
    const { fields } = refused([row(2, 'x', 'y'), row(3, 'big5', 'ok'), row(4, 'big5', 'z', { sd: -1 })]);
    expect(Object.keys(fields)).toEqual(['line 2', 'line 4']);
  });
});
