// Test fixtures for the exam engine: small synthetic banks, exams, sessions and metas.
import type { AttemptMeta, RosterEntry, Session } from '../../functions/domain/attempt.ts';
import type { Exam } from '../../functions/domain/exam.ts';
import type { Item, SingleItem, WeightedItem } from '../../functions/domain/items.ts';

export const LETTERS = ['a', 'b', 'c', 'd', 'e'] as const;

export const single = (bankId: string, id: string, category: string, key = 'a'): SingleItem => ({
  id,
  bankId,
  category,
  kind: 'single',
  stem: `Soal ${id}`,
  options: LETTERS.map((l) => ({ id: l, text: `${id}-${l}` })),
  key,
});

/** Weighted item with weights a:5, b:4, c:3, d:2, e:1. */
export const weighted = (bankId: string, id: string, category: string): WeightedItem => ({
  id,
  bankId,
  category,
  kind: 'weighted',
  stem: `Situasi ${id}`,
  options: LETTERS.map((l) => ({ id: l, text: `${id}-${l}` })),
  weights: { a: 5, b: 4, c: 3, d: 2, e: 1 },
});

/** n items per category: ids like "twk-001"; TKP weighted, others single with key 'a'. */
export function syntheticBank(bankId: string, counts: Record<string, number>): Item[] {
  const out: Item[] = [];
  for (const [category, n] of Object.entries(counts)) {
    for (let i = 1; i <= n; i++) {
      const id = `${category.toLowerCase()}-${String(i).padStart(3, '0')}`;
      out.push(category === 'TKP' ? weighted(bankId, id, category) : single(bankId, id, category));
    }
  }
  return out;
}

export const tinyExam = (overrides: Partial<Exam> = {}): Exam => ({
  id: 'tiny',
  version: 1,
  title: 'Tiny',
  scheme: 'SKD',
  durationMinutes: 10,
  sections: [
    { id: 'TWK', title: 'TWK', bankId: 'b', draws: [{ category: 'TWK', count: 3 }], correctPoints: 5 },
    { id: 'TKP', title: 'TKP', bankId: 'b', draws: [{ category: 'TKP', count: 2 }], correctPoints: 5 },
  ],
  passingGrades: [],
  ...overrides,
});

export const T0 = 1_800_000_000_000;
export const MIN = 60_000;

export const session = (overrides: Partial<Session> = {}): Session => ({
  id: 's1',
  examId: 'tiny',
  examVersion: 1,
  title: 'Sesi 1',
  site: 'Jakarta',
  opensAt: T0 - 60 * MIN,
  closesAt: T0 + 180 * MIN,
  capacity: 100,
  secretCommitment: '0'.repeat(64),
  pinsReleased: true,
  ...overrides,
});

export const roster = (overrides: Partial<RosterEntry> = {}): RosterEntry => ({
  sessionId: 's1',
  regNo: 'R-0001',
  name: 'Budi',
  formationId: 'f1',
  formationType: 'umum',
  pinHash: '0'.repeat(64),
  extraMinutes: 0,
  ...overrides,
});

/** A running attempt started at T0 with 100 minutes. */
export const runningMeta = (overrides: Partial<AttemptMeta> = {}): AttemptMeta => ({
  attemptId: 'a1',
  sessionId: 's1',
  examId: 'tiny',
  examVersion: 1,
  regNo: 'R-0001',
  formationId: 'f1',
  formationType: 'umum',
  seed: 'ab'.repeat(32),
  state: 'running',
  startedAt: T0,
  durationMs: 100 * MIN,
  extensionsMs: 0,
  pausedMs: 0,
  deviceEpoch: 1,
  version: 3,
  ...overrides,
});
