// Seeded pseudo-random numbers for form derivation: sfc32 seeded from hex bytes, shuffle and pick.
import { DomainError } from './errors.ts';

/** Number of outputs discarded after seeding, as recommended for sfc32 to mix the initial state. */
export const PRNG_WARMUP = 12;

const readWord = (hex: string, i: number): number => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;

/**
 * sfc32 (Chris Doty-Humphrey's "Small Fast Chaotic" generator, 32-bit variant, as in PractRand).
 * State words a, b, c, d are the first 16 bytes of `seedHex`, read as four big-endian uint32.
 * The first PRNG_WARMUP outputs are discarded. Each call returns a float in [0, 1) = output / 2^32.
 * Requires at least 32 hex digits (attempt seeds are 64: HMAC-SHA-256).
 */
export function createPrng(seedHex: string): () => number {
  if (!/^[0-9a-fA-F]{32,}$/.test(seedHex))
    throw new DomainError('VALIDATION', 'PRNG seed must be at least 32 hex digits');
  const hex = seedHex.toLowerCase();
  let a = readWord(hex, 0);
  let b = readWord(hex, 1);
  let c = readWord(hex, 2);
  let d = readWord(hex, 3);
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < PRNG_WARMUP; i++) next();
  return next;
}

/** Uniform integer in [0, n) from one draw. */
export const randomIndex = (n: number, rand: () => number): number => Math.floor(rand() * n);

/**
 * Fisher–Yates (Durstenfeld) shuffle into a new array: for i = n-1 down to 1, j = floor(rand() * (i+1)),
 * swap a[i] and a[j]. Consumes exactly n-1 draws.
 */
export function shuffle<T>(arr: readonly T[], rand: () => number): T[] {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, rand);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

/**
 * Uniform sample of n distinct elements (partial Fisher–Yates from the front): for i = 0..n-1,
 * j = i + floor(rand() * (len - i)), swap a[i] and a[j]; returns a[0..n). Consumes exactly n draws.
 * The result is in draw order (itself uniformly random).
 */
export function pickN<T>(arr: readonly T[], n: number, rand: () => number): T[] {
  if (!Number.isInteger(n) || n < 0 || n > arr.length)
    throw new DomainError('VALIDATION', `cannot pick ${n} of ${arr.length}`);
  const a = arr.slice();
  for (let i = 0; i < n; i++) {
    const j = i + randomIndex(a.length - i, rand);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a.slice(0, n);
}
