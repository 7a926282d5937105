// Merkle tree with RFC 9162 (Certificate Transparency v2) hashing: leaf = H(0x00 ‖ row), node = H(0x01 ‖ l ‖ r);
// root, inclusion proofs and the proof check. The hash is a parameter (node:crypto on the server, WebCrypto in the page).

/** SHA-256 (or any hash): sync on the server, async (WebCrypto) in the browser. */
export type HashFn = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
export type SyncHashFn = (data: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

export const leafHash = <H extends HashFn>(hash: H, row: Uint8Array): ReturnType<H> =>
  hash(concat(LEAF, row)) as ReturnType<H>;
export const nodeHash = <H extends HashFn>(hash: H, left: Uint8Array, right: Uint8Array): ReturnType<H> =>
  hash(concat(NODE, left, right)) as ReturnType<H>;

/**
 * Every level of the tree, leaves first. Building bottom-up and promoting an unpaired last node unchanged is
 * the same tree as RFC 9162's MTH (split at the largest power of two below n).
 */
export function merkleLevels(hash: SyncHashFn, leaves: readonly Uint8Array[]): Uint8Array[][] {
  const levels: Uint8Array[][] = [leaves.slice()];
  let level = levels[0] as Uint8Array[];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const l = level[i] as Uint8Array;
      const r = level[i + 1];
      next.push(r ? nodeHash(hash, l, r) : l);
    }
    levels.push(next);
    level = next;
  }
  return levels;
}

/** MTH of leaf hashes; the empty tree's root is H("") (RFC 9162 §2.1.1). */
export const merkleRoot = (hash: SyncHashFn, leaves: readonly Uint8Array[]): Uint8Array =>
  leaves.length === 0 ? hash(new Uint8Array(0)) : (merkleLevels(hash, leaves).at(-1)?.[0] as Uint8Array);

/** Inclusion proof (audit path) of leaf `index`, bottom-up, from precomputed levels (RFC 9162 §2.1.3.1). */
export function inclusionProof(levels: readonly Uint8Array[][], index: number): Uint8Array[] {
  const size = levels[0]?.length ?? 0;
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new RangeError(`no leaf ${index} of ${size}`);
  const path: Uint8Array[] = [];
  let i = index;
  for (const level of levels.slice(0, -1)) {
    const sibling = i % 2 === 1 ? level[i - 1] : level[i + 1];
    if (sibling) path.push(sibling);
    i = Math.floor(i / 2);
  }
  return path;
}

const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * RFC 9162 §2.1.3.2: verifies that `leaf` (a leaf hash) is at `index` of a tree of `size` leaves with `root`.
 * fn = index, sn = size - 1, r = leaf; for each p in path: if sn = 0 fail; if fn is odd or fn = sn then
 * r = H(0x01 ‖ p ‖ r) and, while fn is even and fn != 0, shift fn and sn right by one; else r = H(0x01 ‖ r ‖ p);
 * then shift fn and sn right by one. Valid iff sn = 0 and r = root at the end.
 */
export async function verifyInclusion(
  hash: HashFn,
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(hash, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await nodeHash(hash, r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

export const toHex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new RangeError('not lowercase hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
