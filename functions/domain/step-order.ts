// Canonical order of an attempt's step log, shared by replay and the hash chain.
import { canonicalJson } from './canonical-json.ts';
import type { ClientStep, Step, StepEnvelope } from './steps.ts';

export type ClientStepRecord = StepEnvelope & ClientStep;

export const isClientStep = (step: Step): step is ClientStepRecord =>
  step.type === 'answered' || step.type === 'flagged' || step.type === 'entered';

const cmp = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Total order of the log, independent of the order the store returns it in:
 *   1. by server time `at`;
 *   2. at equal times: a `started` step first, then client steps, then the other lifecycle steps — a client
 *      step recorded in the same millisecond as a submit, pause or device reset was accepted (and
 *      acknowledged) by a server that did not yet know of it, so it counts as before it;
 *   3. client steps by (deviceEpoch, clientSeq);
 *   4. any remaining tie by canonical JSON of the step (code-unit order).
 */
export function compareSteps(a: Step, b: Step): number {
  if (a.at !== b.at) return a.at - b.at;
  const ca = isClientStep(a);
  const cb = isClientStep(b);
  const ra = ca ? 1 : a.type === 'started' ? 0 : 2;
  const rb = cb ? 1 : b.type === 'started' ? 0 : 2;
  if (ra !== rb) return ra - rb;
  if (ca && cb) {
    const e = cmp(a.deviceEpoch ?? -1, b.deviceEpoch ?? -1);
    if (e !== 0) return e;
    const s = cmp(a.clientSeq ?? -1, b.clientSeq ?? -1);
    if (s !== 0) return s;
  }
  return cmp(canonicalJson(a), canonicalJson(b));
}

/** A new array of the steps in canonical order. */
export const orderSteps = (steps: readonly Step[]): Step[] => steps.slice().sort(compareSteps);
