import { describe, expect, it } from 'vitest';
import { readNormCsv } from '../../../functions/services/io/norm-csv.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readNormCsv', () => {
  it('reads `,` files with optional n and percentile points', () => {
    const { rows, problems } = readNormCsv(
      bytes(
        'instrument,measure,mean,sd,n,p25,p75\nBig5,extraversion,30.5,6,200,26,35\nkraepelin,panker,12,3,,,\n',
      ),
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        instrument: 'big5',
        measure: 'extraversion',
        mean: 30.5,
        sd: 6,
        n: 200,
        points: [
          { percentile: 25, raw: 26 },
          { percentile: 75, raw: 35 },
        ],
      },
      { line: 3, instrument: 'kraepelin', measure: 'panker', mean: 12, sd: 3, n: null, points: [] },
    ]);
  });
  it('reads an Indonesian Excel file: `;` with decimal commas and Indonesian headers', () => {
    const { rows, problems } = readNormCsv(
      bytes('\uFEFFinstrumen;ukuran;rerata;sb\nbig5;intellect;33,25;4,5\n'),
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ instrument: 'big5', measure: 'intellect', mean: 33.25, sd: 4.5 });
  });
  it.each([
    ['instrument,measure,mean\nbig5,x,1', 1, 'sd'],
    ['instrument,measure,mean,sd,n\nbig5,x,1,1,2.5', 2, 'n'],
    ['instrument,measure,mean,sd,p50\nbig5,x,1,1,tengah', 2, 'p50'],
    ['instrument,measure,mean,sd,p100\nbig5,x,1,1,3', 1, 'p100'],
  ])('%j -> a problem on line %i, column %s', (csv, line, column) => {
    const { problems } = readNormCsv(bytes(csv));
    expect(problems).toContainEqual(expect.objectContaining({ line, column }));
  });
});
