// Login sessions kept in sessionStorage (per tab; cleared when the exam browser closes).
import { z } from 'zod';

const candidateAuth = z.object({
  token: z.string(),
  attemptId: z.string(),
  sessionId: z.string(),
  name: z.string(),
  /** Signed in after the session closed: result and appeal only. */
  readOnly: z.boolean().optional(),
  /** The login found the attempt started; false = not yet (the page then does not ask for the form early). */
  started: z.boolean().optional(),
});
export type CandidateAuth = z.infer<typeof candidateAuth>;

const staffAuth = z.object({
  token: z.string(),
  role: z.enum(['admin', 'proctor', 'auditor']),
  name: z.string(),
});
export type StaffAuth = z.infer<typeof staffAuth>;

const CANDIDATE_KEY = 'seleksi.candidate';
const STAFF_KEY = 'seleksi.staff';

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage unavailable: the login lasts until reload
  }
}

export const getCandidate = () => read(CANDIDATE_KEY, candidateAuth);
export const setCandidate = (auth: CandidateAuth | null) => write(CANDIDATE_KEY, auth);
export const getStaff = () => read(STAFF_KEY, staffAuth);
export const setStaff = (auth: StaffAuth | null) => write(STAFF_KEY, auth);
