import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors.ts';
import { createPrng, PRNG_WARMUP, pickN, shuffle } from '../../functions/domain/prng.ts';

/** bryc's published JavaScript sfc32, as an independent reference. */
function referenceSfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A scripted "random" source. */
const script = (values: number[]) => {
  let i = 0;
  return () => {
    const v = values[i++];
    if (v === undefined) throw new Error('script exhausted');
    return v;
  };
};

describe('createPrng', () => {
  it.each([
    ['00000000000000000000000000000000', [0, 0, 0, 0]],
    ['00000001000000020000000300000004', [1, 2, 3, 4]],
    ['deadbeefcafebabe0123456789abcdefffffffff', [0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef]],
    ['FFFFFFFF80000000000000017FFFFFFF', [0xffffffff, 0x80000000, 1, 0x7fffffff]],
  ])('seed %s is sfc32 with state %j after the warm-up', (seed, words) => {
    const [a, b, c, d] = words as [number, number, number, number];
    const ref = referenceSfc32(a, b, c, d);
    for (let i = 0; i < PRNG_WARMUP; i++) ref();
    const rand = createPrng(seed);
    for (let i = 0; i < 50; i++) expect(rand()).toBe(ref());
  });

  it('is pinned: a change of generator or warm-up fails here', () => {
    const rand = createPrng('00000001000000020000000300000004');
    const first = [rand(), rand(), rand()].map((x) => Math.floor(x * 4294967296));
    expect(first).toEqual(GOLDEN_FIRST_OUTPUTS);
  });

  it('returns floats in [0, 1) with mean near 1/2', () => {
    const rand = createPrng('0123456789abcdef0123456789abcdef');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rand();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    // sd of the mean = sqrt(1/12/20000) ≈ 0.002; 5 sd
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
  });

  it.each(['', 'abc', 'zz'.repeat(16), '0'.repeat(31)])('rejects seed %j', (seed) => {
    expect(() => createPrng(seed)).toThrow(DomainError);
  });
});

describe('shuffle', () => {
  it.each([
    // i=3: j=floor(.5*4)=2 -> [a,b,d,c]; i=2: j=floor(0*3)=0 -> [d,b,a,c]; i=1: j=floor(.9*2)=1 -> same
    [
      ['a', 'b', 'c', 'd'],
      [0.5, 0, 0.9],
      ['d', 'b', 'a', 'c'],
    ],
    // i=2: j=floor(.99*3)=2; i=1: j=floor(.99*2)=1 -> identity
    [
      ['x', 'y', 'z'],
      [0.99, 0.99],
      ['x', 'y', 'z'],
    ],
    // i=2: j=0 -> [z,y,x]; i=1: j=0 -> [y,z,x]
    [
      ['x', 'y', 'z'],
      [0, 0],
      ['y', 'z', 'x'],
    ],
    [['only'], [], ['only']],
    [[], [], []],
  ])('shuffle(%j) with draws %j = %j', (arr, draws, expected) => {
    const input = [...arr];
    expect(shuffle(input, script(draws))).toEqual(expected);
    expect(input).toEqual(arr);
  });
});

describe('pickN', () => {
  it.each([
    // i=0: j=0+floor(.75*4)=3 -> [d,b,c,a]; i=1: j=1+floor(0*3)=1 -> [d,b]
    [['a', 'b', 'c', 'd'], 2, [0.75, 0], ['d', 'b']],
    // i=0: j=floor(.4*5)=2 -> [c,b,a,d,e]; i=1: j=1+floor(.5*4)=3 -> [c,d,a,b,e]; i=2: j=2+floor(.1*3)=2
    [['a', 'b', 'c', 'd', 'e'], 3, [0.4, 0.5, 0.1], ['c', 'd', 'a']],
    [['a', 'b'], 0, [], []],
    [['a', 'b'], 2, [0.6, 0.2], ['b', 'a']],
  ])('pickN(%j, %i) with draws %j = %j', (arr, n, draws, expected) => {
    expect(pickN(arr, n, script(draws))).toEqual(expected);
  });

  it.each([3, -1, 1.5])('rejects n = %d of 2', (n) => {
    expect(() => pickN(['a', 'b'], n, () => 0)).toThrow(DomainError);
  });
});

/** sfc32(1, 2, 3, 4) outputs 13..15 as uint32 (equal to the reference implementation above). */
const GOLDEN_FIRST_OUTPUTS = [417285410, 1196253302, 123583739];
