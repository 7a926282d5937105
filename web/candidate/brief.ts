// The attempt's brief (who, session, exam facts; no item content), kept per tab for the start screen and slip.
import { type AttemptBrief, attemptBrief } from '../../functions/schemas/candidate.ts';
import { candidateApi } from '../api/candidate.ts';

const key = (attemptId: string) => `seleksi.brief.${attemptId}`;

export function storedBrief(attemptId: string): AttemptBrief | null {
  try {
    const raw = sessionStorage.getItem(key(attemptId));
    const parsed = raw ? attemptBrief.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps a brief for this tab (from the login's answer or the brief request). */
export function keepBrief(brief: AttemptBrief): void {
  try {
    sessionStorage.setItem(key(brief.attemptId), JSON.stringify(brief));
  } catch {
    // storage unavailable: fetched again next time
  }
}

/** The stored brief, else fetched and stored. */
export async function loadBrief(token: string, attemptId: string): Promise<AttemptBrief> {
  const kept = storedBrief(attemptId);
  if (kept) return kept;
  const brief = await candidateApi.brief(token, attemptId);
  keepBrief(brief);
  return brief;
}

export function clearBrief(attemptId: string): void {
  try {
    sessionStorage.removeItem(key(attemptId));
  } catch {
    // nothing to do
  }
}
