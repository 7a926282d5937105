// Regrade use case: a corrected key or weight becomes a scoring correction of an exam; finished results are
// re-derived by replay (forms stay on each attempt's pinned snapshot), old scores kept, all in the audit log.
import type { AttemptMeta } from '../domain/attempt.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { ScoringCorrections } from '../domain/exam.ts';
import type { Item } from '../domain/items.ts';
import { type RegradeChange, regradeCheck, regradeIdOf } from '../domain/regrade.ts';
import { type BankSnapshot, snapshotOf } from '../domain/snapshot.ts';
import type { StoredResult } from '../store/types.ts';
import type { AuditLog } from './audit-log.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import { parseBankJson } from './io/bank-io.ts';
import type { StaffRequest } from './request.ts';

export type RegradeInput = { bankId: string; reason: string } & (
  | { items: unknown[] }
  | { snapshotId: string }
);

export interface RegradeOutcome {
  examId: string;
  bankId: string;
  /** One per snapshot of the bank that the exam's attempts were served from. */
  corrections: Array<{
    fromSnapshot: string;
    toSnapshot: string;
    regradeId: string;
    changed: RegradeChange[];
  }>;
  /** Finished results re-derived; how many of them changed score (a new `previous` entry each). */
  rescored: number;
  changed: number;
  /** Each result whose score changed: old -> new (admins only: carries the registration number). */
  affected: RegradeAffected[];
}

export interface RegradeAffected {
  attemptId: string;
  regNo: string;
  formationId: string;
  before: { sections: Record<string, number>; total: number; passed: boolean | null };
  after: { sections: Record<string, number>; total: number; passed: boolean | null };
}

const scoreOf = (r: StoredResult) => canonicalJson({ s: r.sections, t: r.total, p: r.passed });

export const createRegradeService = (
  deps: Deps,
  contentCache: ContentCache,
  finalizer: Finalizer,
  audit: AuditLog,
) => {
  const { store } = deps;

  /** Every attempt of the exam (through its sessions). */
  const attemptsOf = async (examId: string): Promise<AttemptMeta[]> => {
    const sessions = (await store.sessions.list()).filter((s) => s.examId === examId);
    const metas: AttemptMeta[] = [];
    for (const s of sessions) metas.push(...(await store.attempts.listBySession(s.id)));
    return metas.filter((m) => m.examId === examId);
  };

  const snapshot = async (snapshotId: string): Promise<BankSnapshot> => {
    const s = await store.banks.getSnapshot(snapshotId);
    if (!s) throw userError('NOT_FOUND.regradeSnapshot', { snapshotId });
    return s;
  };

  /** The corrected snapshot for `original`: posted items replace theirs by id, the rest stay as they were. */
  const correctedOf = (original: BankSnapshot, posted: readonly Item[]): BankSnapshot => {
    const byId = new Map(original.items.map((i) => [i.id, i]));
    for (const i of posted) byId.set(i.id, i);
    return snapshotOf(original.bankId, [...byId.values()]);
  };

  /**
   * Re-derives one finished result under `corrections`; unchanged regrade ids -> nothing written. Returns the
   * old and new score when the score changed, else undefined.
   */
  const rescore = async (
    meta: AttemptMeta,
    corrections: ScoringCorrections,
  ): Promise<RegradeAffected | undefined> => {
    const stored = await finalizer.result(meta);
    const next = await finalizer.score(meta, corrections);
    const before = stored.regradeIds ?? [];
    const after = next.regradeIds ?? [];
    if (canonicalJson(before) === canonicalJson(after)) return undefined;
    const changed = scoreOf(stored) !== scoreOf(next);
    const previous = stored.previous ?? [];
    await store.attempts.putResult({
      ...next,
      submittedAt: stored.submittedAt,
      ...(changed || previous.length
        ? {
            previous: changed
              ? [
                  ...previous,
                  {
                    sections: stored.sections,
                    total: stored.total,
                    passed: stored.passed,
                    regradeIds: before,
                    replacedBy: after,
                    replacedAt: deps.clock(),
                  },
                ]
              : previous,
          }
        : {}),
    });
    if (!changed) return undefined;
    const score = (r: StoredResult) => ({ sections: r.sections, total: r.total, passed: r.passed });
    return {
      attemptId: meta.attemptId,
      regNo: meta.regNo,
      formationId: meta.formationId,
      before: score(stored),
      after: score(next),
    };
  };

  return {
    /**
     * Applies a key/weight correction of one bank to an exam. Every snapshot of the bank its attempts were
     * served from gets a corrected twin (checked by regradeCheck; all or nothing, before anything is written),
     * the exam records the corrections, and every finished result is re-derived by replay. Idempotent: the
     * same correction again writes the same exam record and leaves results as they are.
     */
    async regrade(req: StaffRequest, examId: string, input: RegradeInput): Promise<RegradeOutcome> {
      const exam = await store.exams.get(examId);
      if (!exam) throw userError('NOT_FOUND.exam', { examId });
      const { bankId } = input;
      const metas = await attemptsOf(examId);
      const originals = new Set<string>();
      for (const m of metas) {
        const pinned = m.bankSnapshots?.[bankId];
        if (pinned) originals.add(pinned);
      }
      const examPin = exam.bankSnapshots?.[bankId];
      if (examPin) originals.add(examPin);
      if (originals.size === 0) throw userError('NOT_FOUND.regradeBank', { bankId });

      const posted = 'items' in input ? parseBankJson(bankId, input.items) : undefined;
      const given = 'snapshotId' in input ? await snapshot(input.snapshotId) : undefined;
      const corrections: RegradeOutcome['corrections'] = [];
      const twins: BankSnapshot[] = [];
      for (const id of [...originals].sort()) {
        const original = await snapshot(id);
        const corrected = given ?? correctedOf(original, posted ?? []);
        const changed = regradeCheck(original, corrected);
        twins.push(corrected);
        corrections.push({
          fromSnapshot: id,
          toSnapshot: corrected.id,
          regradeId: regradeIdOf(id, corrected.id),
          changed,
        });
      }

      return audit.run(
        {
          ...req,
          action: 'exam.regrade',
          target: `exam:${examId}`,
          reason: input.reason,
          details: {
            bankId,
            corrections: corrections.map((c) => ({
              fromSnapshot: c.fromSnapshot,
              toSnapshot: c.toSnapshot,
              regradeId: c.regradeId,
              items: c.changed.map((x) => x.itemId),
            })),
          },
        },
        async () => {
          for (const t of twins)
            await store.banks.putSnapshot(t, { createdAt: deps.clock(), origin: 'regrade' });
          const fresh = (await store.exams.get(examId)) ?? exam;
          const merged: Record<string, { snapshotId: string; regradeId: string }> = {
            ...fresh.scoringCorrections,
          };
          for (const c of corrections)
            merged[c.fromSnapshot] = { snapshotId: c.toSnapshot, regradeId: c.regradeId };
          // Corrections belong to the exam (keyed by pinned snapshot), so every version's attempts get them.
          if (canonicalJson(merged) !== canonicalJson(fresh.scoringCorrections ?? {}))
            await store.exams.setCorrections(examId, merged);
          contentCache.clear();
          let rescored = 0;
          const affected: RegradeAffected[] = [];
          for (const m of metas) {
            if (m.state !== 'submitted' && m.state !== 'expired') continue;
            const pinned = m.bankSnapshots?.[bankId];
            if (!pinned || !originals.has(pinned)) continue;
            const meta = (await store.attempts.get(m.attemptId, true)) ?? m;
            rescored++;
            const change = await rescore(meta, merged);
            if (change) affected.push(change);
          }
          return { examId, bankId, corrections, rescored, changed: affected.length, affected };
        },
      );
    },
  };
};

export type RegradeService = ReturnType<typeof createRegradeService>;
