// Session scheduling rules: Indonesian time zones, windows, capacity, and overlapping sessions of one candidate.
import type { Session } from './attempt.ts';
import { DomainError } from './errors.ts';

/** The three Indonesian time zones; every time of a session is shown in its site's zone. */
export const TIME_ZONES = {
  WIB: { iana: 'Asia/Jakarta', offsetMinutes: 7 * 60 },
  WITA: { iana: 'Asia/Makassar', offsetMinutes: 8 * 60 },
  WIT: { iana: 'Asia/Jayapura', offsetMinutes: 9 * 60 },
} as const;
export type TimeZoneCode = keyof typeof TIME_ZONES;

/** Wall-clock `YYYY-MM-DD HH:mm` of `at` in the zone, with its code (no DST in Indonesia: fixed offsets). */
export function formatInZone(at: number, zone: TimeZoneCode): string {
  const d = new Date(at + TIME_ZONES[zone].offsetMinutes * 60_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} ${zone}`;
}

/** Half-open windows [opensAt, closesAt) overlap when each starts before the other ends. */
export const windowsOverlap = (
  a: Pick<Session, 'opensAt' | 'closesAt'>,
  b: Pick<Session, 'opensAt' | 'closesAt'>,
): boolean => a.opensAt < b.closesAt && b.opensAt < a.closesAt;

/** A session still counts for overlaps and capacity unless it was cancelled. */
export const isCancelled = (s: Pick<Session, 'cancelledAt'>): boolean => s.cancelledAt !== undefined;

/** Window and capacity sanity: opens before it closes, the window holds the exam, capacity ≥ 1. */
export function checkSchedule(
  s: Pick<Session, 'opensAt' | 'closesAt' | 'capacity'>,
  examMinutes: number,
): void {
  if (!(s.opensAt < s.closesAt))
    throw new DomainError('VALIDATION', 'a session must open before it closes', undefined, {
      key: 'VALIDATION.windowOrder',
    });
  if (s.closesAt - s.opensAt < examMinutes * 60_000)
    throw new DomainError('VALIDATION', `window shorter than the exam (${examMinutes} min)`, undefined, {
      key: 'VALIDATION.windowTooShort',
    });
  if (!Number.isSafeInteger(s.capacity) || s.capacity < 1)
    throw new DomainError('VALIDATION', 'capacity must be at least 1', undefined, {
      key: 'VALIDATION.capacity',
    });
}

/** A session may be edited (window, room, capacity) only before it opens and while not cancelled. */
export function checkEditable(s: Session, now: number): void {
  if (isCancelled(s))
    throw new DomainError('CONFLICT', 'session is cancelled', undefined, {
      key: 'CONFLICT.sessionCancelled',
    });
  if (now >= s.opensAt)
    throw new DomainError('CONFLICT', 'session already opened', undefined, { key: 'CONFLICT.sessionOpened' });
}

/**
 * Which of `regNos` would be over the target's capacity or in two overlapping sessions. `current` = regNos
 * already on the target's roster; `others(regNo)` = the other (not cancelled) sessions the candidate is on.
 */
export function assignmentProblems(
  target: Session,
  current: ReadonlySet<string>,
  regNos: readonly string[],
  others: (regNo: string) => readonly Session[],
): { overCapacity: number; overlapping: Array<{ regNo: string; sessionId: string }> } {
  const adding = [...new Set(regNos)].filter((r) => !current.has(r));
  const overCapacity = Math.max(0, current.size + adding.length - target.capacity);
  const overlapping: Array<{ regNo: string; sessionId: string }> = [];
  for (const regNo of adding) {
    const clash = others(regNo).find(
      (o) => o.id !== target.id && !isCancelled(o) && windowsOverlap(o, target),
    );
    if (clash) overlapping.push({ regNo, sessionId: clash.id });
  }
  return { overCapacity, overlapping };
}
