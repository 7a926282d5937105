// Step-log hash chain: h_0 = 64 zeros, h_i = SHA-256(h_{i-1} || canonicalJson(step_i)), canonical order.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import { orderSteps } from './step-order.ts';
import type { Step } from './steps.ts';

export { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Next link: hex SHA-256 over the UTF-8 of (previous hex hash + canonical JSON of the step). */
export const chainLink = (previous: string, step: Step): string =>
  createHash('sha256').update(previous, 'utf8').update(canonicalJson(step), 'utf8').digest('hex');

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

/** The final hash h_n (GENESIS_HASH for an empty log): the candidate's receipt. */
export function hashChain(steps: readonly Step[]): string {
  const links = hashChainLinks(steps);
  return links[links.length - 1] ?? GENESIS_HASH;
}
