import { pseudonym } from '../domain/pseudonym.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { pseudonymSecretOf } from './publication.ts';

/** How long one computed scoreboard is served from memory (and the Cache-Control max-age). */
export const SCOREBOARD_TTL_MS = 5_000;

export interface ScoreboardRow {
  pseudonym: string;
  sections: Record<string, number>;
  total: number;
  passed: boolean | null;
  submittedAt: number;
}

export interface Scoreboard {
  sessionId: string;
  title: string;
  sectionIds: string[];
  rows: ScoreboardRow[];
  generatedAt: number;
}

export const createScoreboardService = (deps: Deps) => {
  const cache = new Map<string, { at: number; value: Promise<Scoreboard> }>();

  const build = async (sessionId: string): Promise<Scoreboard> => {
    const { store } = deps;
    const session = await store.sessions.get(sessionId);
    if (!session) throw userError('NOT_FOUND.session');
    const exam = await store.exams.get(session.examId, session.examVersion);
    if (!exam || exam.scheme === 'PSYCH') throw userError('NOT_FOUND.scoreboard');
    const secret = pseudonymSecretOf(deps);
    const finished = (await store.attempts.listBySession(sessionId)).filter(
      (m) => m.state === 'submitted' || m.state === 'expired',
    );
    const results = await Promise.all(finished.map((m) => store.attempts.getResult(m.attemptId)));
    const rows = results
      .filter((r) => r !== undefined)
      .map((r) => ({
        pseudonym: pseudonym(secret, r.regNo),
        sections: r.sections,
        total: r.total,
        passed: r.passed,
        submittedAt: r.submittedAt,
      }))
      .sort((a, b) => b.total - a.total || (a.pseudonym < b.pseudonym ? -1 : 1));
    return {
      sessionId,
      title: session.title,
      sectionIds: exam.sections.map((s) => s.id),
      rows,
      generatedAt: deps.clock(),
    };
  };

  return {
    /** The session's scoreboard, at most SCOREBOARD_TTL_MS old. */
    get(sessionId: string): Promise<Scoreboard> {
      const now = deps.clock();
      const hit = cache.get(sessionId);
      if (hit && now - hit.at < SCOREBOARD_TTL_MS) return hit.value;
      const value = build(sessionId);
      value.catch(() => cache.delete(sessionId));
      if (cache.size > 256) cache.clear();
      cache.set(sessionId, { at: now, value });
      return value;
    },
  };
};
