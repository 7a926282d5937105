// Builders of domain objects for store contract tests.
import type { AttemptMeta, RosterEntry, Session } from '../../functions/domain/attempt.ts';
import type { Exam } from '../../functions/domain/exam.ts';
import type { Item } from '../../functions/domain/items.ts';
import type { StoredResult } from '../../functions/store/types.ts';

export const exam = (over: Partial<Exam> = {}): Exam => ({
  id: 'skd-2026',
  version: 1,
  title: 'SKD CPNS 2026',
  scheme: 'SKD',
  durationMinutes: 100,
  sections: [
    {
      id: 'TWK',
      title: 'Tes Wawasan Kebangsaan',
      bankId: 'b1',
      draws: [{ category: 'TWK', count: 30 }],
      correctPoints: 5,
    },
    {
      id: 'TIU',
      title: 'Tes Intelegensia Umum',
      bankId: 'b1',
      draws: [{ category: 'TIU', count: 35, difficulty: 'hard' }],
      correctPoints: 5,
    },
    {
      id: 'TKP',
      title: 'Tes Karakteristik Pribadi',
      bankId: 'b1',
      draws: [{ category: 'TKP', count: 45 }],
      correctPoints: 5,
    },
  ],
  passingGrades: [{ formationType: 'umum', label: 'Umum', sections: { TWK: 65, TIU: 80, TKP: 166 } }],
  ...over,
});

export const singleItem = (id: string, category = 'TWK', bankId = 'b1'): Item => ({
  kind: 'single',
  id,
  bankId,
  category,
  difficulty: 'medium',
  stem: `Soal **${id}**`,
  options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: `Pilihan ${o}` })),
  key: 'c',
});

export const weightedItem = (id: string, bankId = 'b1'): Item => ({
  kind: 'weighted',
  id,
  bankId,
  category: 'TKP',
  stem: 'Sikap Anda?',
  options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: o })),
  weights: { a: 1, b: 2, c: 3, d: 4, e: 5 },
});

export const session = (id: string, over: Partial<Session> = {}): Session => ({
  id,
  examId: 'skd-2026',
  examVersion: 1,
  title: `Sesi ${id}`,
  site: 'Jakarta',
  opensAt: 1_780_000_000_000,
  closesAt: 1_780_007_200_000,
  capacity: 100,
  secretCommitment: 'ab'.repeat(32),
  pinsReleased: false,
  ...over,
});

export const rosterEntry = (sessionId: string, regNo: string): RosterEntry => ({
  sessionId,
  regNo,
  name: `Peserta ${regNo}`,
  formationId: 'F1',
  formationType: 'umum',
  pinHash: 'cd'.repeat(32),
  extraMinutes: 0,
});

export const attemptMeta = (attemptId: string, over: Partial<AttemptMeta> = {}): AttemptMeta => ({
  attemptId,
  sessionId: 's1',
  examId: 'skd-2026',
  examVersion: 1,
  regNo: '1001',
  formationId: 'F1',
  formationType: 'umum',
  seed: 'ef'.repeat(32),
  state: 'running',
  startedAt: 1_780_000_100_000,
  durationMs: 6_000_000,
  extensionsMs: 0,
  pausedMs: 0,
  deviceEpoch: 1,
  version: 1,
  ...over,
});

export const result = (attemptId: string, over: Partial<StoredResult> = {}): StoredResult => ({
  attemptId,
  sessionId: 's1',
  examId: 'skd-2026',
  examVersion: 1,
  regNo: `R-${attemptId}`,
  formationId: 'F1',
  formationType: 'umum',
  sections: { TWK: 100, TIU: 100, TKP: 200 },
  total: 400,
  passed: true,
  logHash: '00'.repeat(32),
  submittedAt: 1_780_006_000_000,
  ...over,
});
