// Exam definition model: sections, blueprints (category -> count), durations, passing grades.
import type { Difficulty } from './items.ts';

export type ScoringScheme = 'SKD' | 'PPPK' | 'PSYCH';

export interface BlueprintDraw {
  category: string;
  count: number;
  difficulty?: Difficulty;
}

export interface Section {
  /** Section id, e.g. "TWK". Scores are reported per section id. */
  id: string;
  title: string;
  bankId: string;
  draws: BlueprintDraw[];
  /** Points for a correct `single` item (SKD/PPPK: 5). Wrong or blank: 0. */
  correctPoints: number;
}

/** Minimum score per section id (and optionally total) for one formation type. Data, not code. */
export interface PassingGrade {
  formationType: string;
  label: string;
  sections: Record<string, number>;
  total?: number;
}

export interface Exam {
  id: string;
  /** Bumped on every change that affects forms or scoring; forms are a function of (id, version, seed). */
  version: number;
  title: string;
  scheme: ScoringScheme;
  durationMinutes: number;
  sections: Section[];
  passingGrades: PassingGrade[];
  /**
   * The bank snapshot each bank of this version draws from (bankId -> snapshot id). When absent, an
   * attempt pins the bank's current snapshot when it starts.
   */
  bankSnapshots?: Readonly<Record<string, string>>;
  /**
   * Scoring corrections (regrades, domain/regrade.ts): pinned snapshot id -> the corrected snapshot scoring
   * uses instead. Forms always come from the pinned snapshot; only scoring reads the correction.
   */
  scoringCorrections?: ScoringCorrections;
}

/** Pinned snapshot id -> { corrected snapshot id, the regrade's id }. */
export type ScoringCorrections = Readonly<Record<string, { snapshotId: string; regradeId: string }>>;
