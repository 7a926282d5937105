// Final ranking (SKD 40 % + SKB 60 % by default), worked by hand: ties on final broken by SKD total, TKP, TIU,
// TWK (or a configured order), complete ties share a rank, everyone tied at the openings cut passes.
import { describe, expect, it } from 'vitest';
import { type FinalInput, rankFinal } from '../../functions/domain/final-ranking.ts';

const row = (
  p: string,
  total: number,
  TKP: number,
  TIU: number,
  TWK: number,
  skb: number | null,
): FinalInput => ({
  pseudonym: p,
  formationId: 'F1',
  sections: { TWK, TIU, TKP },
  total,
  receipt: `r-${p}`,
  skbMilli: skb,
});

// A: 440/550×100×40% = 32 + 75×60% = 45 -> 77.000
// B: 400/550×100×40% = 29.0909… + 80.5×60% = 48.3 -> 77.3909… -> 77.391
// C: 440 (TKP 170, TIU 160) and 75 -> 77.000, ties A on final and total, loses on TKP
// D: exactly A's scores -> shares A's rank
// E: no SKB score -> unranked, after
const rows = [
  row('a', 440, 180, 150, 110, 75_000),
  row('b', 400, 170, 130, 100, 80_500),
  row('c', 440, 170, 160, 110, 75_000),
  row('d', 440, 180, 150, 110, 75_000),
  row('e', 500, 200, 180, 120, null),
];
const F1 = [{ id: 'F1', formationType: 'umum', openings: 2 }];
const view = (out: ReturnType<typeof rankFinal>) =>
  out.map((r) => [r.pseudonym, r.final, r.rank, r.advances] as const);

describe('rankFinal', () => {
  it('default weights and tie-breaks: B first; A and D share 2 and both pass (tied at the cut); C 4th', () => {
    expect(view(rankFinal(rows, F1))).toEqual([
      ['b', 77.391, 1, true],
      ['a', 77, 2, true],
      ['d', 77, 2, true],
      ['c', 77, 4, false],
      ['e', null, null, false],
    ]);
  });

  it('tie-breaks [TIU]: C (TIU 160) goes ahead of A and D', () => {
    expect(view(rankFinal(rows, F1, undefined, ['TIU']))).toEqual([
      ['b', 77.391, 1, true],
      ['c', 77, 2, true],
      ['a', 77, 3, false],
      ['d', 77, 3, false],
      ['e', null, null, false],
    ]);
  });

  it('weights 50/50: A, C, D at 40 + 37.5 = 77.5 pass B (36.3636… + 40.25 = 76.614)', () => {
    expect(view(rankFinal(rows, F1, { skd: 50, skb: 50, skdMax: 550 }))).toEqual([
      ['a', 77.5, 1, true],
      ['d', 77.5, 1, true],
      ['c', 77.5, 3, false],
      ['b', 76.614, 4, false],
      ['e', null, null, false],
    ]);
  });

  it('rows carry SKB and final (3 decimals), SKD sections and receipt; no SKB -> skb/final null, not passed', () => {
    const out = rankFinal(rows, F1);
    expect(out[0]).toEqual({
      pseudonym: 'b',
      formationId: 'F1',
      sections: { TWK: 100, TIU: 130, TKP: 170 },
      total: 400,
      passed: true,
      rank: 1,
      advances: true,
      receipt: 'r-b',
      skb: 80.5,
      final: 77.391,
    });
    expect(out[4]).toMatchObject({ pseudonym: 'e', passed: false, skb: null, final: null });
  });

  it('formations in id order, each ranked on its own openings', () => {
    const two = [{ ...row('x', 300, 150, 90, 60, 90_000), formationId: 'F2' }, ...rows.slice(0, 2)];
    const out = rankFinal(two, [{ id: 'F2', formationType: 'umum', openings: 1 }, ...F1]);
    expect(out.map((r) => [r.formationId, r.pseudonym, r.rank])).toEqual([
      ['F1', 'b', 1],
      ['F1', 'a', 2],
      ['F2', 'x', 1],
    ]);
  });

  it.each<[string, () => unknown]>([
    ['an unknown tie-break key', () => rankFinal(rows, F1, undefined, ['final'])],
    ['a repeated tie-break key', () => rankFinal(rows, F1, undefined, ['TKP', 'TKP'])],
    ['weights not summing to 100', () => rankFinal(rows, F1, { skd: 40, skb: 50, skdMax: 550 })],
    ['a row of an unknown formation', () => rankFinal([{ ...rows[0], formationId: 'F9' } as FinalInput], F1)],
  ])('%s -> VALIDATION', (_n, f) => {
    expect(f).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
