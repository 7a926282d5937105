// Step-log hash chain: h_0 = 64 zeros, h_i = SHA-256(h_{i-1} || canonicalJson(step_i)), canonical order.
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import { isClientStep, orderSteps } from './step-order.ts';
import type { Step } from './steps.ts';

export { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Next link: hex SHA-256 over the UTF-8 of (previous hex hash + canonical JSON of the step); one-shot hash
 * (a verifier hashes a million steps: no Hash object per link). */
export const chainLink = (previous: string, step: Step): string =>
  hash('sha256', previous + canonicalJson(step), 'hex');

/** Every link h_1..h_n over the steps in canonical replay order (rejected steps included: it hashes the log). */
export function hashChainLinks(steps: readonly Step[]): string[] {
  const links: string[] = [];
  let h = GENESIS_HASH;
  for (const step of orderSteps(steps)) {
    h = chainLink(h, step);
    links.push(h);
  }
  return links;
}

/** The final hash h_n over all steps given (GENESIS_HASH for an empty log). See receiptHash for the receipt. */
export function hashChain(steps: readonly Step[]): string {
  const links = hashChainLinks(steps);
  return links[links.length - 1] ?? GENESIS_HASH;
}

/**
 * The part of the log the receipt covers: canonical order, cut after the first `submitted` step that was not
 * rejected (the one replay honours), plus every client step after it that the server acknowledged (stored
 * without `rejected`: a save a stale cache admitted within its maximum age counts, so the receipt covers it).
 * Refused stragglers and later lifecycle steps never count, so they do not change the receipt.
 * A log without a submit is covered whole.
 */
export function receiptLog(steps: readonly Step[]): Step[] {
  const ordered = orderSteps(steps);
  const end = ordered.findIndex((s) => s.type === 'submitted' && s.rejected === undefined);
  if (end === -1) return ordered;
  const after = ordered.slice(end + 1).filter((s) => isClientStep(s) && s.rejected === undefined);
  return [...ordered.slice(0, end + 1), ...after];
}

/** The candidate's receipt: hashChain over receiptLog(steps). */
export const receiptHash = (steps: readonly Step[]): string => hashChain(receiptLog(steps));
