// The device's answered-count gate: first save reports, then at most once per ANSWERED_REPORT_EVERY_MS.
import { describe, expect, it } from 'vitest';
import { ANSWERED_REPORT_EVERY_MS } from '../../../functions/schemas/candidate.ts';
import { createProgressReport } from '../../../web/candidate/progressReport.ts';

describe('createProgressReport', () => {
  it.each([
    ['one save reports', [[0, 3]], [3]],
    [
      'a save 1 s later goes without',
      [
        [0, 3],
        [1_000, 4],
      ],
      [3, undefined],
    ],
    [
      'just under the interval goes without',
      [
        [0, 3],
        [61_999, 5],
      ],
      [3, undefined],
    ],
    [
      'at the interval reports the count as it is then',
      [
        [0, 3],
        [62_000, 7],
      ],
      [3, 7],
    ],
    [
      'the interval runs from the last report, not the last save',
      [
        [0, 1],
        [40_000, 2],
        [80_000, 3],
        [120_000, 4],
        [142_000, 5],
      ],
      [1, undefined, 3, undefined, 5],
    ],
  ] as const)('%s', (_name, saves, expected) => {
    let t = 0;
    const report = createProgressReport(() => t);
    const got = saves.map(([at, answered]) => {
      t = at;
      return report(answered);
    });
    expect(got).toEqual(expected);
  });

  it('uses 62 s by default, more than the server-side 60 s window', () => {
    expect(ANSWERED_REPORT_EVERY_MS).toBe(62_000);
    let t = 0;
    const report = createProgressReport(() => t);
    report(1);
    t = 60_000;
    expect(report(2)).toBeUndefined();
  });
});
