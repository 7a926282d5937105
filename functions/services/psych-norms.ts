// Psych norm settings of an exam: the norm group its reports use (the exam's candidates or an imported
// table read from CSV) and the category cut-offs; set by an admin, audited.
import { createHash } from 'node:crypto';
import { normTableFromRows } from '../domain/psych/norm-table.ts';
import { checkCutoffs, DEFAULT_CUTOFFS } from '../domain/psych/norms.ts';
import type { PsychNormsBody, PsychNormsView } from '../schemas/psych-norms.ts';
import type { PsychNormSettings } from '../store/types.ts';
import type { AuditLog } from './audit-log.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { readNormCsv } from './io/norm-csv.ts';
import type { StaffRequest } from './request.ts';

/** The settings in force: stored ones, or the exam's candidates with the default cut-offs. */
export const normSettingsOf = async (deps: Deps, examId: string): Promise<PsychNormSettings> =>
  (await deps.store.psychNorms.get(examId)) ?? {
    examId,
    source: 'candidates',
    table: null,
    cutoffs: DEFAULT_CUTOFFS,
    setAt: 0,
    setBy: '',
  };

const viewOf = (s: PsychNormSettings): PsychNormsView => ({
  examId: s.examId,
  source: s.source,
  table: s.table,
  cutoffs: s.cutoffs,
  setAt: s.setBy ? s.setAt : null,
  setBy: s.setBy || null,
});

export const createPsychNormsService = (deps: Deps, audit: AuditLog) => {
  const psychExam = async (examId: string) => {
    const exam = await deps.store.exams.get(examId);
    if (!exam) throw userError('NOT_FOUND.exam');
    if (exam.scheme !== 'PSYCH') throw userError('NOT_FOUND.notPsych');
    return exam;
  };
  return {
    async get(examId: string): Promise<PsychNormsView> {
      await psychExam(examId);
      return viewOf(await normSettingsOf(deps, examId));
    },

    /** Replaces the exam's norm settings: a CSV table is read and checked whole first (nothing half-set). */
    async set(req: StaffRequest, examId: string, body: PsychNormsBody): Promise<PsychNormsView> {
      await psychExam(examId);
      const cutoffs = body.cutoffs ?? DEFAULT_CUTOFFS;
      checkCutoffs(cutoffs);
      let table: PsychNormSettings['table'] = null;
      if (body.source === 'table') {
        const read = readNormCsv(new TextEncoder().encode(body.csv));
        if (read.problems.length) {
          const fields: Record<string, string[]> = {};
          for (const p of read.problems)
            fields[`line ${p.line}${p.column ? ` ${p.column}` : ''}`] = [p.message];
          throw userError('VALIDATION.normTable', { fields });
        }
        const id = `norms-${createHash('sha256').update(body.csv).digest('hex').slice(0, 16)}`;
        table = normTableFromRows(id, body.description, read.rows);
      }
      const settings: PsychNormSettings = {
        examId,
        source: body.source,
        table,
        cutoffs,
        setAt: deps.clock(),
        setBy: req.actor.id,
      };
      return audit.run(
        {
          ...req,
          action: 'exam.psychNorms',
          target: `exam:${examId}`,
          reason: body.reason,
          details: {
            source: body.source,
            tableId: table?.id ?? null,
            scales: table ? Object.keys(table.scales).sort() : [],
            cutoffs,
          },
        },
        async () => {
          await deps.store.psychNorms.put(settings);
          return viewOf(settings);
        },
      );
    },
  };
};

export type PsychNormsService = ReturnType<typeof createPsychNormsService>;
