import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors.ts';
import {
  canonicalJson,
  GENESIS_HASH,
  hashChain,
  hashChainLinks,
  receiptHash,
  receiptLog,
} from '../../functions/domain/hashchain.ts';
import type { Step } from '../../functions/domain/steps.ts';
import { T0 } from './fixtures.ts';
import { ans, flag, paused, reset, started, submitted } from './steps-helpers.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [1, { d: 2, c: null }] }, '{"a":[1,{"c":null,"d":2}],"b":1}'],
    [{ z: undefined, y: 'x' }, '{"y":"x"}'],
    [[undefined, true, false], '[null,true,false]'],
    [{ B: 1, a: 2, _: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"B":1,"_":3,"a":2}'],
    ['kutip " dan \\ dan é', '"kutip \\" dan \\\\ dan é"'],
    [1.5, '1.5'],
    [-0, '0'],
    [1e21, '1e+21'],
    [{}, '{}'],
    [[], '[]'],
  ])('%j -> %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['NaN', Number.NaN],
    ['Infinity', { x: Number.POSITIVE_INFINITY }],
    ['bigint', 1n],
    ['function', () => 1],
  ])('rejects %s', (_n, value) => {
    expect(() => canonicalJson(value)).toThrow(DomainError);
  });
});

const log: Step[] = [
  started(T0),
  ans(T0 + 1000, 1, 1, 'q1', 'a'),
  flag(T0 + 2000, 1, 2, 'q1', true),
  submitted(T0 + 3000),
];

describe('hashChain', () => {
  it('empty log is the genesis hash (64 zeros)', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(hashChain([])).toBe(GENESIS_HASH);
  });

  it('h_i = SHA-256(h_{i-1} || canonicalJson(step_i)), in canonical order', () => {
    const s0 = started(T0);
    const s1 = ans(T0 + 1000, 1, 1, 'q1', 'a');
    const h1 = sha(`${GENESIS_HASH}{"at":${T0},"deviceEpoch":1,"type":"started"}`);
    const h2 = sha(
      `${h1}{"at":${T0 + 1000},"choice":"a","clientSeq":1,"deviceEpoch":1,"itemId":"q1","type":"answered"}`,
    );
    expect(hashChainLinks([s1, s0])).toEqual([h1, h2]);
    expect(hashChain([s0, s1])).toBe(h2);
  });

  it('is pinned for a fixed log (receipts are printed: a change of the scheme fails here)', () => {
    expect(hashChain(log)).toBe(GOLDEN_LOG_HASH);
  });

  it('does not depend on the order the store returns steps in', () => {
    expect(hashChain([...log].reverse())).toBe(hashChain(log));
    expect(hashChain([log[2], log[0], log[3], log[1]] as Step[])).toBe(hashChain(log));
  });

  it.each<[string, Step[]]>([
    ['a choice changed', [log[0], ans(T0 + 1000, 1, 1, 'q1', 'b'), log[2], log[3]] as Step[]],
    ['a time changed by 1 ms', [log[0], ans(T0 + 1001, 1, 1, 'q1', 'a'), log[2], log[3]] as Step[]],
    ['a seq changed', [log[0], ans(T0 + 1000, 1, 3, 'q1', 'a'), log[2], log[3]] as Step[]],
    ['an epoch changed', [log[0], ans(T0 + 1000, 2, 1, 'q1', 'a'), log[2], log[3]] as Step[]],
    ['marked rejected', [log[0], ans(T0 + 1000, 1, 1, 'q1', 'a', 'late'), log[2], log[3]] as Step[]],
    ['a step removed', [log[0], log[1], log[3]] as Step[]],
    ['a step added', [...log, reset(T0 + 4000, 2)]],
    ['a flag flipped', [log[0], log[1], flag(T0 + 2000, 1, 2, 'q1', false), log[3]] as Step[]],
  ])('changes when %s', (_n, changed) => {
    expect(hashChain(changed)).not.toBe(hashChain(log));
  });
});

const GOLDEN_LOG_HASH = '2e78b3019c392bbd889217199c46723468944ff743254b49164ed65705e2ec9c';

describe('receiptHash', () => {
  const before = [started(T0), ans(T0 + 1000, 1, 1, 'q1', 'a'), ans(T0 + 2000, 1, 2, 'q2', 'b')];
  const submit = submitted(T0 + 3000);

  it('covers the log up to and including the honoured submit', () => {
    expect(receiptLog([...before, submit])).toEqual([...before, submit]);
    expect(receiptHash([...before, submit])).toBe(hashChain([...before, submit]));
  });

  it('covers an acknowledged straggler after the submit (it counts), and changes with it', () => {
    const straggler = ans(T0 + 4000, 1, 3, 'q1', 'c');
    expect(receiptLog([...before, submit, paused(T0 + 3800), straggler])).toEqual([
      ...before,
      submit,
      straggler,
    ]);
    expect(receiptHash([...before, submit, straggler])).not.toBe(receiptHash([...before, submit]));
  });

  it.each<[string, Step]>([
    ['a refused straggler answer after the submit', ans(T0 + 4000, 1, 3, 'q1', 'c', 'afterSubmit')],
    ['a second submit', submitted(T0 + 3500)],
    ['a second submit in the same millisecond', submitted(T0 + 3000)],
  ])('is unchanged by %s (it never counts)', (_n, extra) => {
    expect(receiptHash([...before, submit, extra])).toBe(receiptHash([...before, submit]));
  });

  it('changes when a counted step changes', () => {
    const changed = [before[0]!, ans(T0 + 1000, 1, 1, 'q1', 'd'), before[2]!, submit];
    expect(receiptHash(changed)).not.toBe(receiptHash([...before, submit]));
  });

  it('a rejected submit is not the cut; a log without a submit is covered whole', () => {
    const rejected: Step = { ...submit, rejected: 'late' };
    expect(receiptLog([...before, rejected])).toHaveLength(4);
    expect(receiptHash(before)).toBe(hashChain(before));
  });
});
