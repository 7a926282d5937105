import { describe, expect, it } from 'vitest';
import {
  CLIENT_SEQ_WIDTH,
  DEVICE_EPOCH_WIDTH,
  keys,
  resultScoreSortKey,
} from '../../functions/store/keys.ts';

const sk = (epoch: number, seq: number): string => keys.clientStep('a', epoch, seq).SK;

describe('keys', () => {
  it('client step keys are zero-padded', () => {
    expect(sk(1, 10)).toBe(
      `STEP#${'1'.padStart(DEVICE_EPOCH_WIDTH, '0')}#${'10'.padStart(CLIENT_SEQ_WIDTH, '0')}`,
    );
    expect(sk(1, 10)).toBe('STEP#0001#0000000010');
    expect(keys.examSection('e', 7).SK).toBe('SECTION#007');
    expect(keys.serverStep('a', 1_780_000_000_000, 'n').SK).toBe('EVT#1780000000000#n');
  });

  it('(epoch 1, seq 10) sorts after (1, 9) and before (2, 1)', () => {
    expect(sk(1, 10) > sk(1, 9)).toBe(true);
    expect(sk(1, 10) < sk(2, 1)).toBe(true);
    const pairs: Array<[number, number]> = [
      [2, 1],
      [1, 10],
      [0, 999],
      [1, 9],
      [1, 100],
    ];
    const sorted = pairs.map(([e, s]) => sk(e, s)).sort();
    expect(sorted).toEqual([sk(0, 999), sk(1, 9), sk(1, 10), sk(1, 100), sk(2, 1)]);
  });

  it.each([-1, 1.5, Number.NaN, 10 ** CLIENT_SEQ_WIDTH])('rejects seq %s', (seq) => {
    expect(() => sk(1, seq)).toThrow(RangeError);
  });

  it('score sort key: documented example and ordering', () => {
    const base: Parameters<typeof resultScoreSortKey>[0] = {
      attemptId: 'x',
      passed: true,
      total: 450,
      sections: { TKP: 180, TIU: 150, TWK: 120 },
    };
    expect(resultScoreSortKey(base)).toBe('R#0#999549999#999819999#999849999#999879999#x');
    const k = (over: Partial<typeof base>) => resultScoreSortKey({ ...base, ...over });
    expect(k({ passed: true, total: 1 }) < k({ passed: false, total: 500 })).toBe(true);
    expect(k({ passed: false }) === k({ passed: null })).toBe(true);
    expect(k({ total: 451 }) < k({ total: 450 })).toBe(true);
    expect(k({ total: 450.5 }) < k({ total: 450 })).toBe(true);
    expect(
      k({ sections: { TKP: 181, TIU: 0, TWK: 0 } }) < k({ sections: { TKP: 180, TIU: 200, TWK: 200 } }),
    ).toBe(true);
    expect(
      k({ sections: { TKP: 180, TIU: 151, TWK: 0 } }) < k({ sections: { TKP: 180, TIU: 150, TWK: 200 } }),
    ).toBe(true);
    expect(k({ sections: { TKP: 180, TIU: 150, TWK: 121 } }) < k(base)).toBe(true);
    expect(() => k({ total: -1 })).toThrow(RangeError);
  });
});
