// What the login just told the exam page, kept in memory for this page load only: an unstarted attempt.
let fresh: string | null = null;

/** The login found this attempt unstarted (its answer also carried the brief, kept by brief.ts). */
export function handOffUnstarted(attemptId: string): void {
  fresh = attemptId;
}

/**
 * True once, for the attempt the login has just found unstarted: the exam page then shows its start screen
 * without asking for the state. A reload forgets it and asks the server, as does any other attempt.
 */
export function takeUnstarted(attemptId: string): boolean {
  const hit = fresh === attemptId;
  fresh = null;
  return hit;
}
