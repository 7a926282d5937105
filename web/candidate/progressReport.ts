// How often the device sends its answered count with a save: the room monitor's progress is written at most
// once per attempt per 60 s anyway, so a device that reported on every save made each Lambda it reached try
// (and pay for) a refused conditional write.
import { ANSWERED_REPORT_EVERY_MS } from '../../functions/schemas/candidate.ts';

/**
 * Returns a gate for one attempt: the first save carries the answered count, later ones only once
 * `everyMs` have passed since the last save that carried it (undefined otherwise: the save goes without it).
 */
export function createProgressReport(
  now: () => number,
  everyMs: number = ANSWERED_REPORT_EVERY_MS,
): (answered: number) => number | undefined {
  let last: number | undefined;
  return (answered) => {
    const t = now();
    if (last !== undefined && t - last < everyMs) return undefined;
    last = t;
    return answered;
  };
}
