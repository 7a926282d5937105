// Hands the submit response to the result page without a second request (in memory only).
import type { AttemptEnd, ResultView } from '../../functions/schemas/candidate.ts';

let last: ResultView | null = null;

export function rememberResult(result: ResultView): void {
  last = result;
}

export function takeResult(attemptId: string): ResultView | null {
  return last && last.attemptId === attemptId ? last : null;
}

let lastEnd: { attemptId: string; end: AttemptEnd } | null = null;

/** How the attempt ended, as the signal poll saw it (shown at once on the result page). */
export function rememberEnd(attemptId: string, end: AttemptEnd | null): void {
  lastEnd = end ? { attemptId, end } : null;
}

export function takeEnd(attemptId: string): AttemptEnd | null {
  return lastEnd && lastEnd.attemptId === attemptId ? lastEnd.end : null;
}
