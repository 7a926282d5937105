// Hands the submit response to the result page without a second request (in memory only).
import type { ResultView } from '../../functions/schemas/candidate.ts';

let last: ResultView | null = null;

export function rememberResult(result: ResultView): void {
  last = result;
}

export function takeResult(attemptId: string): ResultView | null {
  return last && last.attemptId === attemptId ? last : null;
}
