import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../functions/domain/digest.ts';
import {
  fromHex,
  inclusionProof,
  leafHash,
  merkleLevels,
  merkleRoot,
  nodeHash,
  toHex,
  utf8,
  verifyInclusion,
} from '../../functions/domain/merkle.ts';

// Vectors computed independently (Python hashlib, RFC 9162 MTH) over rows "a".."e".
const LEAF_A = '022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c';
const ROOTS: Array<[number, string]> = [
  [0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [1, LEAF_A],
  [2, 'b137985ff484fb600db93107c77b0365c80d78f5b429ded0fd97361d077999eb'],
  [3, '36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1'],
  [5, 'fe14a5426fbd70c0fa73f52342afed0da0bd23c4838662ccf6b88a3070ead97b'],
];
const leaves = (n: number) => ['a', 'b', 'c', 'd', 'e'].slice(0, n).map((r) => leafHash(sha256, utf8(r)));
const webSha: (d: Uint8Array) => Promise<Uint8Array> = async (d) =>
  new Uint8Array(await webcrypto.subtle.digest('SHA-256', d));

/** RFC 9162 §2.1.1 MTH written out recursively, as an independent reference for larger trees. */
const mth = (ls: Uint8Array[]): Uint8Array => {
  if (ls.length === 1) return ls[0] as Uint8Array;
  let k = 1;
  while (k * 2 < ls.length) k *= 2;
  return nodeHash(sha256, mth(ls.slice(0, k)), mth(ls.slice(k)));
};

describe('Merkle tree (RFC 9162)', () => {
  it('leaf = SHA-256(0x00 ‖ row)', () => {
    expect(toHex(leafHash(sha256, utf8('a')))).toBe(LEAF_A);
  });
  it.each(ROOTS)('root of %i rows', (n, root) => {
    expect(toHex(merkleRoot(sha256, leaves(n)))).toBe(root);
  });
  it('bottom-up levels equal the recursive MTH for 1..40 leaves', () => {
    for (let n = 1; n <= 40; n++) {
      const ls = Array.from({ length: n }, (_, i) => leafHash(sha256, utf8(`row-${i}`)));
      expect(toHex(merkleRoot(sha256, ls))).toBe(toHex(mth(ls)));
    }
  });
  it('audit paths of the 5-leaf tree (hand-derived: c -> [d, H(a,b), e]; e -> [H(H(a,b),H(c,d))])', () => {
    const levels = merkleLevels(sha256, leaves(5));
    expect(inclusionProof(levels, 2).map(toHex)).toEqual([
      'd070dc5b8da9aea7dc0f5ad4c29d89965200059c9a0ceca3abd5da2492dcb71d',
      'b137985ff484fb600db93107c77b0365c80d78f5b429ded0fd97361d077999eb',
      '2824a7ccda2caa720c85c9fba1e8b5b735eecfdb03878e4f8dfe6c3625030bc4',
    ]);
    expect(inclusionProof(levels, 4).map(toHex)).toEqual([
      '33376a3bd63e9993708a84ddfe6c28ae58b83505dd1fed711bd924ec5a6239f0',
    ]);
  });
  it('every proof of trees of 1..33 leaves verifies, with node:crypto and with WebCrypto', async () => {
    for (let n = 1; n <= 33; n++) {
      const ls = Array.from({ length: n }, (_, i) => leafHash(sha256, utf8(`r${i}`)));
      const levels = merkleLevels(sha256, ls);
      const root = merkleRoot(sha256, ls);
      for (let i = 0; i < n; i++) {
        const path = inclusionProof(levels, i);
        expect(await verifyInclusion(sha256, ls[i] as Uint8Array, i, n, path, root)).toBe(true);
        expect(await verifyInclusion(webSha, ls[i] as Uint8Array, i, n, path, root)).toBe(true);
      }
    }
  });
  it.each<
    [
      string,
      (p: { leaf: Uint8Array; index: number; size: number; path: Uint8Array[]; root: Uint8Array }) => void,
    ]
  >([
    [
      'a flipped byte in the leaf',
      (p) => {
        p.leaf = flip(p.leaf);
      },
    ],
    [
      'a flipped byte in a path element',
      (p) => {
        p.path[1] = flip(p.path[1] as Uint8Array);
      },
    ],
    [
      'a flipped byte in the root',
      (p) => {
        p.root = flip(p.root);
      },
    ],
    [
      'another index',
      (p) => {
        p.index = 3;
      },
    ],
    [
      'a smaller size (a larger one can share the root: the size is signed with it)',
      (p) => {
        p.size = 4;
      },
    ],
    [
      'a path element dropped',
      (p) => {
        p.path.pop();
      },
    ],
    [
      'a path element added',
      (p) => {
        p.path.push(p.root);
      },
    ],
    [
      'index out of range',
      (p) => {
        p.index = 5;
      },
    ],
  ])('fails on %s', async (_n, tamper) => {
    const ls = leaves(5);
    const p = {
      leaf: ls[2] as Uint8Array,
      index: 2,
      size: 5,
      path: inclusionProof(merkleLevels(sha256, ls), 2),
      root: merkleRoot(sha256, ls),
    };
    expect(await verifyInclusion(sha256, p.leaf, p.index, p.size, p.path, p.root)).toBe(true);
    tamper(p);
    expect(await verifyInclusion(sha256, p.leaf, p.index, p.size, p.path, p.root)).toBe(false);
  });
  it('hex round trip', () => {
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    expect(() => fromHex('0g')).toThrow();
  });
});

function flip(b: Uint8Array): Uint8Array {
  const c = b.slice();
  c[0] = (c[0] as number) ^ 1;
  return c;
}
