import { describe, expect, it } from 'vitest';
import { finalMilli, roundDiv, skbMilliFromComponents } from '../../functions/domain/skb.ts';

describe('SKB integration (thousandths, hand-worked)', () => {
  it.each<[string, Record<string, number>, Record<string, number> | undefined, number]>([
    // 80×50% + 70×30% + 90×20% = 40 + 21 + 18 = 79
    ['default 50/30/20', { CAT: 80, WAWANCARA: 70, LAINNYA: 90 }, undefined, 79_000],
    // 77.5×50% + 66.25×30% + 81×20% = 38.75 + 19.875 + 16.2 = 74.825
    ['decimals', { CAT: 77.5, WAWANCARA: 66.25, LAINNYA: 81 }, undefined, 74_825],
    // 33.333×60% + 66.667×40% = 19.9998 + 26.6668 = 46.6666 -> 46.667
    ['rounds once at the end, half up', { CAT: 33.333, PSIKO: 66.667 }, { CAT: 60, PSIKO: 40 }, 46_667],
    ['one component 100%', { CAT: 88.8 }, { CAT: 100 }, 88_800],
    // PSIKOTES listed with weight 0 and absent: 80×50% + 70×30% + 90×20% = 79
    [
      'a 0-weight component may be absent',
      { CAT: 80, WAWANCARA: 70, LAINNYA: 90 },
      { CAT: 50, WAWANCARA: 30, LAINNYA: 20, PSIKOTES: 0 },
      79_000,
    ],
    // present with weight 0: counts nothing
    [
      'a 0-weight component counts nothing',
      { CAT: 80, WAWANCARA: 70, LAINNYA: 90, PSIKOTES: 10 },
      { CAT: 50, WAWANCARA: 30, LAINNYA: 20, PSIKOTES: 0 },
      79_000,
    ],
  ])('%s', (_n, components, weights, expected) => {
    expect(skbMilliFromComponents(components, weights)).toBe(expected);
  });

  it.each<[string, Record<string, number>, Record<string, number>]>([
    ['weights not summing to 100', { CAT: 1 }, { CAT: 90 }],
    ['a missing component', { CAT: 1 }, { CAT: 50, WAWANCARA: 50 }],
    ['an unweighted component', { CAT: 1, X: 2 }, { CAT: 100 }],
    ['a score above 100', { CAT: 100.5 }, { CAT: 100 }],
    ['more than 3 decimals', { CAT: 1.0005 }, { CAT: 100 }],
  ])('%s -> VALIDATION', (_n, c, w) => {
    expect(() => skbMilliFromComponents(c, w)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it.each<[string, number, number, { skd: number; skb: number; skdMax: number } | undefined, number]>([
    // 550/550×100×40% + 100×60% = 100
    ['maxima', 550, 100_000, undefined, 100_000],
    // 440/550×100 = 80 -> ×40% = 32; 75×60% = 45 -> 77
    ['440 and 75', 440, 75_000, undefined, 77_000],
    // 400/550×100×40% = 29.0909…; 80.5×60% = 48.3 -> 77.3909… -> 77.391
    ['400 and 80.5', 400, 80_500, undefined, 77_391],
    // 311/550×100×40% = 22.6181818…; 0 -> 22.618
    ['311 and 0', 311, 0, undefined, 22_618],
    // weights 50/50: 275/550×100×50% = 25; 60×50% = 30 -> 55
    ['custom weights', 275, 60_000, { skd: 50, skb: 50, skdMax: 550 }, 55_000],
  ])('final: %s', (_n, skd, skb, w, expected) => {
    expect(finalMilli(skd, skb, w)).toBe(expected);
  });

  it.each([
    [551, 0],
    [-5, 0],
    [10.5, 0],
    [100, 100_001],
  ])('final(%s, %s) -> VALIDATION', (skd, skb) => {
    expect(() => finalMilli(skd, skb)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
  it('roundDiv rounds halves up', () => {
    expect([roundDiv(5, 10), roundDiv(4, 10), roundDiv(15, 10), roundDiv(0, 3)]).toEqual([1, 0, 2, 0]);
  });
});
