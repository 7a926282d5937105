import { describe, expect, it } from 'vitest';
import { type RankInput, rankFormation, rankPerFormation, skdKeys } from '../../functions/domain/ranking.ts';

// [id, passed, TWK, TIU, TKP] -> a row; total = TWK + TIU + TKP
const row = (id: string, passed: boolean, twk: number, tiu: number, tkp: number): RankInput => ({
  id,
  passed,
  keys: skdKeys({ TWK: twk, TIU: tiu, TKP: tkp }, twk + tiu + tkp),
});
const summary = (rows: RankInput[], openings: number) =>
  rankFormation(rows, openings).map((r) => `${r.row.id}:${r.rank ?? '-'}${r.advances ? '*' : ''}`);

describe('rankFormation (hand-worked)', () => {
  it.each<[string, RankInput[], number, string[]]>([
    [
      'total first, then TKP, TIU, TWK',
      [
        row('a', true, 100, 100, 180), // 380
        row('b', true, 90, 100, 200), // 390
        row('c', true, 100, 90, 190), // 380, TKP 190 > a's 180
        row('d', true, 110, 90, 180), // 380, TKP 180 = a's, TIU 90 < a's 100
      ],
      10,
      ['b:1*', 'c:2*', 'a:3*', 'd:4*'],
    ],
    [
      'identical scores share the rank; the next rank skips (1, 2, 2, 4)',
      [
        row('x', true, 100, 100, 200),
        row('y', true, 90, 90, 190),
        row('z', true, 90, 90, 190),
        row('w', true, 80, 80, 180),
      ],
      10,
      ['x:1*', 'y:2*', 'z:2*', 'w:4*'],
    ],
    [
      '1 opening -> 3 advance; a tie across the cut (positions 3 and 4) advances both',
      [
        row('p1', true, 120, 120, 200),
        row('p2', true, 110, 120, 200),
        row('p3', true, 100, 100, 200),
        row('p4', true, 100, 100, 200),
        row('p5', true, 90, 100, 200),
      ],
      1,
      ['p1:1*', 'p2:2*', 'p3:3*', 'p4:3*', 'p5:5'],
    ],
    [
      'a tie just past the cut does not advance (rank 4 with a cut of 3)',
      [
        row('q1', true, 120, 120, 200),
        row('q2', true, 110, 120, 200),
        row('q3', true, 105, 100, 200),
        row('q4', true, 100, 100, 200),
        row('q5', true, 100, 100, 200),
      ],
      1,
      ['q1:1*', 'q2:2*', 'q3:3*', 'q4:4', 'q5:4'],
    ],
    [
      'the top scorer failing one section is listed after every passing candidate, unranked',
      [
        row('top', false, 60, 175, 225), // 460, TWK 60 < 65
        row('ok1', true, 65, 80, 166), // 311
        row('ok2', true, 70, 85, 170), // 325
        row('low', false, 50, 50, 150), // 250
      ],
      1,
      ['ok2:1*', 'ok1:2*', 'top:-', 'low:-'],
    ],
    ['no openings: ranked, nobody advances', [row('n1', true, 100, 100, 200)], 0, ['n1:1']],
    ['empty formation', [], 3, []],
  ])('%s', (_name, rows, openings, expected) => {
    expect(summary(rows, openings)).toEqual(expected);
  });

  it('input order never changes the result', () => {
    const rows = [row('b', true, 90, 90, 190), row('a', true, 90, 90, 190), row('c', false, 1, 1, 1)];
    expect(summary(rows, 1)).toEqual(summary(rows.slice().reverse(), 1));
  });

  it('custom order and factor (final ranking)', () => {
    const f = (id: string, final: number, total: number): RankInput => ({
      id,
      passed: true,
      keys: { final, total },
    });
    const out = rankFormation([f('a', 80, 400), f('b', 80, 410), f('c', 70, 500)], 1, {
      order: ['final', 'total'],
      factor: 1,
    });
    expect(out.map((r) => [r.row.id, r.rank, r.advances])).toEqual([
      ['b', 1, true],
      ['a', 2, false],
      ['c', 3, false],
    ]);
  });

  it.each([[-1], [1.5], [Number.NaN]])('openings %s -> VALIDATION', (n) => {
    expect(() => rankFormation([], n)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
  it('a missing key -> VALIDATION', () => {
    const rows = [row('a', true, 1, 1, 1), { id: 'b', passed: true, keys: { total: 3 } }];
    expect(() => rankFormation(rows, 1)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('rankPerFormation (hand-worked)', () => {
  const inF = (formationId: string, r: RankInput) => ({ ...r, formationId });
  const perF = (
    rows: ReturnType<typeof inF>[],
    formations: { id: string; openings: number }[],
    factor?: number,
  ) =>
    rankPerFormation(rows, formations, { factor }).map(
      (r) => `${r.row.formationId}/${r.row.id}:${r.rank ?? '-'}${r.advances ? '*' : ''}`,
    );
  const rows = [
    inF('F2', row('a', true, 100, 100, 200)),
    inF('F1', row('b', true, 90, 90, 190)),
    inF('F2', row('c', true, 110, 100, 200)),
    inF('F1', row('d', false, 120, 120, 200)),
    inF('F1', row('e', true, 95, 90, 190)),
  ];
  it.each<[string, { id: string; openings: number }[], number | undefined, string[]]>([
    [
      'formations in id order (whatever order given), each ranked on its own openings',
      [
        { id: 'F2', openings: 1 },
        { id: 'F1', openings: 1 },
      ],
      1,
      ['F1/e:1*', 'F1/b:2', 'F1/d:-', 'F2/c:1*', 'F2/a:2'],
    ],
    [
      'default factor 3; a formation without rows yields nothing',
      [
        { id: 'F1', openings: 1 },
        { id: 'F0', openings: 5 },
        { id: 'F2', openings: 0 },
      ],
      undefined,
      ['F1/e:1*', 'F1/b:2*', 'F1/d:-', 'F2/c:1', 'F2/a:2'],
    ],
  ])('%s', (_, formations, factor, want) => {
    expect(perF(rows, formations, factor)).toEqual(want);
  });
  it('a row of a formation not listed -> VALIDATION', () => {
    expect(() => perF(rows, [{ id: 'F1', openings: 1 }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
