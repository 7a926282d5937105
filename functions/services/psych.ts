// Psych use cases: open a Kraepelin sheet (server-fixed start), and the confidential per-candidate report.
import type { AttemptMeta } from '../domain/attempt.ts';
import { isCurrentDevice } from '../domain/device.ts';
import { type PsychResult, scorePsych } from '../domain/psych/attempt.ts';
import { kraepelinColumns, sheetPauseAt } from '../domain/psych/kraepelin.ts';
import { type NormedScore, normFromScores, normScore, type ScaleNorm } from '../domain/psych/norms.ts';
import {
  PSYCH_SKB_COMPONENT,
  type PsychSkbMeasure,
  psychSkbValue,
  psychSkbValueFromT,
} from '../domain/psych/preset.ts';
import { replay } from '../domain/replay.ts';
import type {
  PsychAttemptsView,
  PsychExamsView,
  PsychReportView,
  PsychSkbComponentView,
  SpeedSheetView,
} from '../schemas/psych.ts';
import type { PsychNormSettings } from '../store/types.ts';
import type { AttemptCache } from './attempt-cache.ts';
import type { CandidateClaims } from './auth/tokens.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import { normSettingsOf } from './psych-norms.ts';
import type { SpeedStartCache } from './speed-starts.ts';

export interface PsychServiceParts {
  deps: Deps;
  attemptCache: AttemptCache;
  contentCache: ContentCache;
  finalizer: Finalizer;
  speedStarts: SpeedStartCache;
}

/** Kraepelin measures normed in the report. */
const SPEED_SCALES = ['panker', 'tianker', 'jankerMad', 'hanker'] as const;

const normedView = (n: NormedScore) => ({ z: n.z, t: n.t, percentile: n.percentile, category: n.category });

const finished = (m: AttemptMeta) => m.state === 'submitted' || m.state === 'expired';

export const createPsychService = ({
  deps,
  attemptCache,
  contentCache,
  finalizer,
  speedStarts,
}: PsychServiceParts) => {
  const { store } = deps;

  const scoreOf = async (meta: AttemptMeta): Promise<PsychResult> => {
    const exam = await contentCache.exam(meta);
    const form = contentCache.form(meta.attemptId, exam, meta.seed);
    const view = replay(await store.attempts.readSteps(meta.attemptId), meta, deps.config.graceMs);
    return scorePsych(form, exam.itemsById, view);
  };

  /** Raw scale values of one psych result, keyed like the norm group (factor names, speed measures). */
  const scalesOf = (r: PsychResult): Map<string, number> => {
    const out = new Map<string, number>();
    for (const f of r.factors) if (f.status === 'valid') out.set(f.factor, f.raw);
    for (const s of r.speed) for (const k of SPEED_SCALES) out.set(`${s.itemId}.${k}`, s.measures[k]);
    return out;
  };

  /**
   * Norm group of the candidates: the finished attempts of the same session and exam (at least 2 with a value
   * per scale and some spread), each scored once. An exam whose norm settings name an imported table uses
   * that instead (normerOf).
   */
  const normGroup = async (sessionId: string, examId: string) => {
    const peers = (await store.attempts.listBySession(sessionId)).filter(
      (m) => m.examId === examId && finished(m),
    );
    const scored: Array<{ meta: AttemptMeta; result: PsychResult }> = [];
    const values = new Map<string, number[]>();
    for (const p of peers) {
      const result = await scoreOf(p);
      scored.push({ meta: p, result });
      for (const [k, v] of scalesOf(result)) values.set(k, [...(values.get(k) ?? []), v]);
    }
    const norms = new Map<string, ScaleNorm>();
    for (const [k, xs] of values) {
      try {
        norms.set(k, normFromScores(xs));
      } catch {
        // fewer than 2 values or no spread: this scale is reported without a norm
      }
    }
    return { n: peers.length, norms, scored };
  };

  type Scale = { factor: string } | { itemId: string; measure: string };
  /** The norm of a factor or a Kraepelin measure under the exam's settings: the imported table, else the group. */
  const normerOf =
    (settings: PsychNormSettings, group: { norms: Map<string, ScaleNorm> } | null) =>
    (scale: Scale, raw: number): NormedScore | null => {
      const table = settings.source === 'table' ? settings.table : null;
      const n = table
        ? table.scales['factor' in scale ? `big5.${scale.factor}` : `kraepelin.${scale.measure}`]
        : group?.norms.get('factor' in scale ? scale.factor : `${scale.itemId}.${scale.measure}`);
      return n ? normScore(raw, n, settings.cutoffs) : null;
    };

  return {
    /**
     * Opens (or re-opens) a speed sheet of the candidate's running attempt. The first call writes a
     * speedStarted step with the server's time; every column deadline counts from it. Idempotent.
     */
    async openSheet(claims: CandidateClaims, wireId: string): Promise<SpeedSheetView> {
      const now = deps.clock();
      const meta = await finalizer.finalizeIfDue(await attemptCache.get(claims.aid), now);
      if (meta.state !== 'running') throw userError('CONFLICT.notRunning');
      if (!isCurrentDevice(meta, claims.dev, claims.dn)) throw userError('RETIRED_DEVICE');
      const exam = await contentCache.exam(meta);
      // The browser names items by wire id (domain/wire.ts); the log and the sheet's seed use the bank id.
      const itemId = contentCache.wire(meta.attemptId, exam, meta.seed).byWire.get(wireId)?.itemId ?? '';
      const item = exam.itemsById.get(itemId);
      if (item?.kind !== 'speed') throw userError('NOT_FOUND.speedSheet');
      let steps = await store.attempts.readSteps(meta.attemptId);
      let start = speedStarts.fromSteps(meta, itemId, steps);
      if (start === undefined) {
        await store.attempts.appendServerStep(meta.attemptId, { at: now, type: 'speedStarted', itemId });
        // Two devices racing: both steps land, the earliest counts everywhere (replay and the save path).
        steps = await store.attempts.readSteps(meta.attemptId);
        start = speedStarts.fromSteps(meta, itemId, steps);
      }
      const startedAt = start?.startedAt ?? now;
      const view = replay(steps, meta, deps.config.graceMs);
      const cells = new Map<string, { column: number; row: number; digit: number }>();
      for (const e of view.entries)
        if (e.itemId === itemId)
          cells.set(`${e.column}.${e.row}`, { column: e.column, row: e.row, digit: e.digit });
      return {
        attemptId: meta.attemptId,
        itemId: wireId,
        digits: kraepelinColumns(meta.seed, itemId, item),
        columnSeconds: item.columnSeconds,
        startedAt,
        // Pauses since the start move every column deadline (docs/psych.md, "A proctor pause").
        pausedMs: sheetPauseAt(view.pauses, startedAt, now).pausedMs,
        graceMs: deps.config.speedGraceMs,
        entries: [...cells.values()],
        lastSeq: view.lastSeqByEpoch.get(meta.deviceEpoch) ?? 0,
        serverTime: now,
      };
    },

    /** The report of one attempt. Callers authorize: the candidate (own, finished), admins, auditors. */
    async report(attemptId: string, opts: { requireFinished: boolean }): Promise<PsychReportView> {
      const now = deps.clock();
      const stored = await store.attempts.get(attemptId, true);
      if (!stored) throw userError('NOT_FOUND.attempt');
      const meta = await finalizer.finalizeIfDue(stored, now);
      if (opts.requireFinished && !finished(meta)) throw userError('NOT_FOUND.psychReport');
      const exam = await contentCache.exam(meta);
      if (exam.exam.scheme !== 'PSYCH') throw userError('NOT_FOUND.notPsych');
      const r = await scoreOf(meta);
      const settings = await normSettingsOf(deps, exam.exam.id);
      const { cutoffs } = settings;
      const table = settings.source === 'table' ? settings.table : null;
      const group = table ? null : await normGroup(meta.sessionId, meta.examId);
      const normOf = normerOf(settings, group);
      const normed = (scale: Scale, raw: number) => {
        const n = normOf(scale, raw);
        return n ? normedView(n) : null;
      };
      return {
        attemptId: meta.attemptId,
        regNo: meta.regNo,
        examId: exam.exam.id,
        examTitle: exam.exam.title,
        state: meta.state,
        confidential: true,
        factors: r.factors.map((f) =>
          f.status === 'valid'
            ? { ...f, reason: null, norm: normed({ factor: f.factor }, f.raw) }
            : { ...f, raw: null, pomp: null, norm: null },
        ),
        speed: r.speed.map((s) => {
          const norms: Record<string, ReturnType<typeof normedView>> = {};
          for (const k of SPEED_SCALES) {
            const n = normed({ itemId: s.itemId, measure: k }, s.measures[k]);
            if (n) norms[k] = n;
          }
          return {
            itemId: s.itemId,
            columns: s.config.columns,
            columnSeconds: s.config.columnSeconds,
            startedAt: s.startedAt,
            curve: s.measures.curve,
            errors: s.tallies.map((t) => t.errors),
            skipped: s.tallies.map((t) => t.skipped),
            panker: s.measures.panker,
            tianker: s.measures.tianker,
            jankerRange: s.measures.jankerRange,
            jankerMad: s.measures.jankerMad,
            hanker: s.measures.hanker,
            norms,
          };
        }),
        normGroup: table
          ? { kind: 'table' as const, description: table.description, n: null }
          : group && group.n >= 2
            ? {
                kind: 'candidates' as const,
                description: `peserta sesi ${meta.sessionId} yang sudah selesai / finished candidates of session ${meta.sessionId}`,
                n: group.n,
              }
            : null,
        cutoffs,
        serverTime: now,
      };
    },

    /** The psych exams (scheme PSYCH), for the staff report screen. */
    async exams(): Promise<PsychExamsView['exams']> {
      return (await store.exams.list())
        .filter((e) => e.scheme === 'PSYCH')
        .map((e) => ({ id: e.id, title: e.title }));
    },

    /** Finished attempts of a psych exam over its sessions, by registration number (staff report screen). */
    async finishedAttempts(examId: string): Promise<PsychAttemptsView['attempts']> {
      const exam = await store.exams.get(examId);
      if (!exam) throw userError('NOT_FOUND.exam');
      if (exam.scheme !== 'PSYCH') throw userError('NOT_FOUND.notPsych');
      const out: PsychAttemptsView['attempts'] = [];
      for (const session of await store.sessions.list()) {
        if (session.examId !== examId) continue;
        for (const m of await store.attempts.listBySession(session.id))
          if (m.examId === examId && finished(m))
            out.push({
              attemptId: m.attemptId,
              regNo: m.regNo,
              sessionId: session.id,
              sessionTitle: session.title,
              state: m.state as 'submitted' | 'expired',
              submittedAt: m.submittedAt ?? null,
            });
      }
      return out.sort((a, b) =>
        a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : a.attemptId < b.attemptId ? -1 : 1,
      );
    },

    /**
     * The psych SKB component of every candidate with a finished attempt of a psych exam (0..100, 3 decimals,
     * the `psikotes` column of the SKB score import, services/skb.ts): by `measure` meanPomp (mean percent of
     * maximum of the valid factors) or meanT (mean T of the valid factors under the exam's norm settings).
     * null with a reason when it cannot be formed. A candidate with finished attempts in two sessions: the
     * later-started one. Confidential like the report: admins only, never published.
     */
    async skbComponent(examId: string, measure: PsychSkbMeasure): Promise<PsychSkbComponentView> {
      const exam = await store.exams.get(examId);
      if (!exam) throw userError('NOT_FOUND.exam');
      if (exam.scheme !== 'PSYCH') throw userError('NOT_FOUND.notPsych');
      const settings = await normSettingsOf(deps, examId);
      const byRegNo = new Map<string, PsychSkbComponentView['rows'][number] & { startedAt: number }>();
      for (const session of await store.sessions.list()) {
        if (session.examId !== examId) continue;
        const group = await normGroup(session.id, examId);
        const normOf = normerOf(settings, group);
        for (const { meta, result } of group.scored) {
          const value =
            measure === 'meanPomp'
              ? psychSkbValue(result.factors)
              : psychSkbValueFromT(
                  result.factors.flatMap((f) => {
                    const n = f.status === 'valid' ? normOf({ factor: f.factor }, f.raw) : null;
                    return n ? [n.t] : [];
                  }),
                );
          const row = {
            regNo: meta.regNo,
            attemptId: meta.attemptId,
            value,
            reason:
              value !== null ? null : measure === 'meanT' ? ('noNorm' as const) : ('noValidFactor' as const),
            startedAt: meta.startedAt,
          };
          const known = byRegNo.get(meta.regNo);
          if (!known || known.startedAt < meta.startedAt) byRegNo.set(meta.regNo, row);
        }
      }
      const rows = [...byRegNo.values()]
        .sort((a, b) => (a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : 0))
        .map(({ startedAt: _s, ...r }) => r);
      return {
        examId,
        component: PSYCH_SKB_COMPONENT,
        measure,
        normSource: settings.source,
        rows,
        serverTime: deps.clock(),
      };
    },
  };
};

export type PsychService = ReturnType<typeof createPsychService>;

/**
 * The component as the SKB score import's columns (services/skb.ts: `no_peserta`, `psikotes`; `.` decimals):
 * a candidate whose component cannot be formed has an empty cell, which the import accepts while PSIKOTES
 * weighs 0 and refuses once an admin weights it.
 */
export const skbComponentCsv = (view: PsychSkbComponentView): string =>
  `${[
    'no_peserta,psikotes',
    ...view.rows.map((r) => `${r.regNo},${r.value === null ? '' : String(r.value)}`),
  ].join('\r\n')}\r\n`;
