// logTailOf: the current device's highest seq in the scored log and whether 1..seq were all there.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../functions/domain/steps.ts';
import { logTailOf } from '../../functions/services/finalize.ts';

const client = (deviceEpoch: number, clientSeq: number): Step =>
  ({ type: 'flagged', itemId: 'q', flagged: true, at: 1, deviceEpoch, clientSeq }) as Step;
const started = { type: 'started', at: 0, deviceEpoch: 1 } as Step;

describe('logTailOf', () => {
  it.each([
    ['no client steps', [started], 1, { deviceEpoch: 1, lastSeq: 0, contiguous: true }],
    [
      '1..3',
      [started, client(1, 1), client(1, 2), client(1, 3)],
      1,
      { deviceEpoch: 1, lastSeq: 3, contiguous: true },
    ],
    ['a gap (2 missing)', [client(1, 1), client(1, 3)], 1, { deviceEpoch: 1, lastSeq: 3, contiguous: false }],
    [
      'only the current epoch counts',
      [client(1, 1), client(1, 2), client(2, 1)],
      2,
      { deviceEpoch: 2, lastSeq: 1, contiguous: true },
    ],
    [
      'current epoch with a gap',
      [client(1, 5), client(2, 2)],
      2,
      { deviceEpoch: 2, lastSeq: 2, contiguous: false },
    ],
  ] as const)('%s', (_name, steps, epoch, tail) => {
    expect(logTailOf(steps as readonly Step[], epoch)).toEqual(tail);
  });
});
