// Results of a session or formation (table + CSV with BOM for Excel) and item statistics after a session.
import { stringify } from 'csv-stringify/sync';
import type { AttemptMeta } from '../domain/attempt.ts';
import { type CandidateResponses, computeItemStatistics, type ItemStatistics } from '../domain/item-stats.ts';
import { replay } from '../domain/replay.ts';
import { itemMax, itemPoints } from '../domain/scoring.ts';
import type { StoredResult } from '../store/types.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';

const FINISHED = new Set(['submitted', 'expired']);

export interface ResultRow extends StoredResult {
  name: string;
}

/** UTF-8 BOM first, so Excel opens the file as UTF-8 (Indonesian names keep their letters). */
const BOM = '\uFEFF';

export function resultsCsv(rows: readonly ResultRow[], sectionIds: readonly string[]): string {
  const header = [
    'registration_number',
    'name',
    'formation',
    ...sectionIds,
    'total',
    'passed',
    'receipt_hash',
  ];
  const body = rows.map((r) => [
    r.regNo,
    r.name,
    r.formationId,
    ...sectionIds.map((s) => r.sections[s] ?? 0),
    r.total,
    r.passed === null ? '' : r.passed ? 'lulus' : 'tidak lulus',
    r.logHash,
  ]);
  return BOM + stringify([header, ...body]);
}

export function itemStatisticsCsv(stats: ItemStatistics): string {
  const options = [...new Set(stats.items.flatMap((i) => Object.keys(i.choices)))].sort();
  const header = [
    'section',
    'item',
    'served',
    'p',
    'point_biserial',
    ...options.map((o) => `chose_${o}`),
    'omitted',
    'flags',
  ];
  const body = stats.items.map((i) => [
    i.sectionId,
    i.itemId,
    i.served,
    i.p.toFixed(4),
    i.pointBiserial === null ? '' : i.pointBiserial.toFixed(4),
    ...options.map((o) => i.choices[o] ?? 0),
    i.omitted,
    i.flags.join(' '),
  ]);
  return BOM + stringify([header, ...body]);
}

export const createSessionResultsService = (deps: Deps, contentCache: ContentCache) => {
  const { store } = deps;
  const names = async (sessionIds: Iterable<string>): Promise<Map<string, string>> => {
    const rosters = await Promise.all([...new Set(sessionIds)].map((id) => store.sessions.listRoster(id)));
    return new Map(rosters.flat().map((e) => [e.regNo, e.name]));
  };

  return {
    /** Results of a session's finished attempts, highest total first. */
    async ofSession(sessionId: string): Promise<{ rows: ResultRow[]; sectionIds: string[] }> {
      const session = await store.sessions.get(sessionId);
      if (!session) throw userError('NOT_FOUND.session');
      const metas = (await store.attempts.listBySession(sessionId)).filter((m) => FINISHED.has(m.state));
      const results = (await Promise.all(metas.map((m) => store.attempts.getResult(m.attemptId)))).filter(
        (r): r is StoredResult => r !== undefined,
      );
      const byReg = await names([sessionId]);
      const exam = (await contentCache.exam(session)).exam;
      const rows = results
        .map((r) => ({ ...r, name: byReg.get(r.regNo) ?? '' }))
        .sort((a, b) => b.total - a.total || a.regNo.localeCompare(b.regNo));
      return { rows, sectionIds: exam.sections.map((s) => s.id) };
    },

    /** Results of a formation in ranking order (GSI2). */
    async ofFormation(formationId: string): Promise<{ rows: ResultRow[]; sectionIds: string[] }> {
      const results = await store.attempts.listResultsByFormation(formationId);
      const byReg = await names(results.map((r) => r.sessionId));
      const sectionIds = [...new Set(results.flatMap((r) => Object.keys(r.sections)))];
      return { rows: results.map((r) => ({ ...r, name: byReg.get(r.regNo) ?? '' })), sectionIds };
    },

    /**
     * Item statistics over the session's finished attempts: each attempt's form (from its seed) says which
     * items it was served; replay says what it chose. One step-log read per finished attempt.
     */
    async itemStatistics(sessionId: string): Promise<ItemStatistics> {
      const session = await store.sessions.get(sessionId);
      if (!session) throw userError('NOT_FOUND.session');
      const metas = (await store.attempts.listBySession(sessionId)).filter((m) => FINISHED.has(m.state));
      const content = await contentCache.exam(session);
      const points = new Map(content.exam.sections.map((s) => [s.id, s.correctPoints]));
      const responses = await Promise.all(
        metas.map(async (meta: AttemptMeta): Promise<CandidateResponses> => {
          const form = contentCache.form(meta.attemptId, content, meta.seed);
          const view = replay(await store.attempts.readSteps(meta.attemptId), meta, deps.config.graceMs);
          return {
            candidateId: meta.attemptId,
            items: form.items.flatMap((fi) => {
              const item = content.itemsById.get(fi.itemId);
              const correct = points.get(fi.sectionId) ?? 0;
              if (!item || itemMax(item, correct) === 0) return []; // unscored kinds (likert, speed)
              const choice = view.answers.get(fi.itemId) ?? null;
              return [
                {
                  itemId: fi.itemId,
                  sectionId: fi.sectionId,
                  choice,
                  score: itemPoints(item, choice, correct),
                  maxScore: itemMax(item, correct),
                },
              ];
            }),
          };
        }),
      );
      return computeItemStatistics(responses);
    },
  };
};

export type SessionResultsService = ReturnType<typeof createSessionResultsService>;
