// PINs in clear as the API returned them on release/regenerate: kept in memory only (never in storage), for the cards.
import type { IssuedPin } from '../../functions/schemas/scheduling.ts';

const bySession = new Map<string, IssuedPin[]>();

/** Adds PINs for a session; a regenerated PIN replaces the candidate's earlier card. */
export function keepPins(sessionId: string, pins: readonly IssuedPin[]): void {
  const current = new Map((bySession.get(sessionId) ?? []).map((p) => [p.regNo, p]));
  for (const p of pins) current.set(p.regNo, p);
  bySession.set(
    sessionId,
    [...current.values()].sort((a, b) => a.regNo.localeCompare(b.regNo)),
  );
}

export const pinsOf = (sessionId: string): IssuedPin[] => bySession.get(sessionId) ?? [];
