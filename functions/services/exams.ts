// Exam use cases: create from a preset or by hand (pinned to bank snapshots, blueprint checked against them), list,
// view versions with their sessions and attempts, a new version, an in-place edit of a version nothing can use yet.
import { canonicalJson } from '../domain/canonical-json.ts';
import { isDomainError } from '../domain/errors.ts';
import type { Exam } from '../domain/exam.ts';
import { buildForm } from '../domain/form.ts';
import { type PresetOptions, pppkPreset, skdPreset } from '../domain/presets.ts';
import { psychPreset } from '../domain/psych/preset.ts';
import { isCancelled } from '../domain/schedule.ts';
import type { ExamCreateBody, ExamDefinition, ExamPresetName } from '../schemas/exams.ts';
import type { ExamVersionInfo } from '../store/types.ts';
import type { AuditLog } from './audit-log.ts';
import type { ContentCache } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { StaffRequest } from './request.ts';

/**
 * A version is locked (immutable) once an attempt was served from it, or once a session on it opens within this
 * margin: exam definitions are cached per process for a minute (services/content.ts), so an in-place edit must be
 * seen everywhere before any attempt can start from it. Changes to a locked version make version n+1.
 */
export const EXAM_LOCK_MARGIN_MS = 5 * 60_000;

const PRESETS: Record<ExamPresetName, (o: PresetOptions) => Exam> = {
  SKD: skdPreset,
  PPPK: pppkPreset,
  PSYCH: psychPreset,
};

/** The presets as definitions (bank left empty), for the console's create form. */
export const presetDefinitions = (): Array<{ preset: ExamPresetName; exam: Exam }> =>
  (Object.keys(PRESETS) as ExamPresetName[]).map((preset) => ({
    preset,
    exam: PRESETS[preset]({ id: preset.toLowerCase(), bankId: '' }),
  }));

export interface VersionUse {
  sessions: Array<{ id: string; title: string; opensAt: number; cancelled: boolean }>;
  attempts: number;
  /** Immutable: editing makes a new version. */
  locked: boolean;
  lockedBecause?: 'attempts' | 'sessionOpening';
}

/** The definition fields that make a version (scoring corrections belong to the exam, not to a version). */
const definitionOf = (e: Exam): string => {
  const { scoringCorrections: _, ...rest } = e;
  return canonicalJson(JSON.parse(JSON.stringify(rest)));
};

export const createExamService = (deps: Deps, audit: AuditLog, contentCache: ContentCache) => {
  const { store } = deps;

  const latestOf = async (examId: string): Promise<Exam> => {
    const exam = await store.exams.get(examId);
    if (!exam) throw userError('NOT_FOUND.exam', { examId });
    return exam;
  };

  /**
   * Pins every bank the sections draw from (given snapshot, else the bank's current one) and checks the blueprint
   * against the pinned items by deriving one form: a blueprint the snapshot cannot fill is refused now
   * (BANK_TOO_SMALL with the section, category and counts), not at a candidate's start.
   */
  const pinned = async (draft: Exam, given: Readonly<Record<string, string>> = {}): Promise<Exam> => {
    const bankSnapshots: Record<string, string> = {};
    const items = [];
    for (const bankId of [...new Set(draft.sections.map((s) => s.bankId))].sort()) {
      const snapshotId = given[bankId] ?? (await store.banks.head(bankId));
      if (!snapshotId) throw userError('NOT_FOUND.bank', { bankId });
      const snapshot = await store.banks.getSnapshot(snapshotId);
      if (!snapshot || snapshot.bankId !== bankId)
        throw userError('NOT_FOUND.snapshot', { bankId, snapshotId });
      bankSnapshots[bankId] = snapshotId;
      items.push(...snapshot.items);
    }
    const exam: Exam = { ...draft, bankSnapshots };
    buildForm(exam, items, 'blueprint-check');
    return exam;
  };

  /** Conditional write of a new version; the same definition already there (a retried request) is success. */
  const writeNew = async (exam: Exam, info: ExamVersionInfo): Promise<void> => {
    try {
      await store.exams.createVersion(exam, info);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'CONFLICT') throw e;
      const stored = await store.exams.get(exam.id, exam.version);
      if (!stored || definitionOf(stored) !== definitionOf(exam))
        throw userError('CONFLICT.examVersionTaken', { examId: exam.id, version: exam.version });
    }
  };

  /** Sessions and attempts per version of the exam (one GSI query per session of the exam). */
  const versionUses = async (examId: string): Promise<Map<number, VersionUse>> => {
    const now = deps.clock();
    const sessions = (await store.sessions.list()).filter((s) => s.examId === examId);
    const attempts = await Promise.all(sessions.map((s) => store.attempts.listBySession(s.id)));
    const use = new Map<number, VersionUse>();
    sessions.forEach((s, i) => {
      const u = use.get(s.examVersion) ?? { sessions: [], attempts: 0, locked: false };
      u.sessions.push({ id: s.id, title: s.title, opensAt: s.opensAt, cancelled: isCancelled(s) });
      u.attempts += (attempts[i] ?? []).filter((a) => a.examVersion === s.examVersion).length;
      if (u.attempts > 0) {
        u.locked = true;
        u.lockedBecause = 'attempts';
      } else if (!isCancelled(s) && s.opensAt <= now + EXAM_LOCK_MARGIN_MS) {
        u.locked = true;
        u.lockedBecause ??= 'sessionOpening';
      }
      use.set(s.examVersion, u);
    });
    return use;
  };

  const info = (req: StaffRequest): ExamVersionInfo => ({ createdAt: deps.clock(), createdBy: req.actor.id });

  return {
    list: () => store.exams.list(),

    /** Every version (oldest first) with its sessions, attempt count and whether it is locked. */
    async view(examId: string) {
      const latest = await latestOf(examId);
      const [versions, use] = await Promise.all([store.exams.versions(examId), versionUses(examId)]);
      return {
        exam: latest,
        versions: versions.map((v) => ({
          ...v,
          use: use.get(v.exam.version) ?? { sessions: [], attempts: 0, locked: false },
        })),
      };
    },

    /** Version 1 of a new exam id; the same request again (same definition) returns it, another -> DUPLICATE. */
    async create(req: StaffRequest, body: ExamCreateBody): Promise<Exam> {
      let exam: Exam;
      if (body.source === 'preset') {
        const preset = PRESETS[body.preset]({
          id: body.id,
          bankId: body.bankId,
          ...(body.title === undefined ? {} : { title: body.title }),
          ...(body.passingGrades === undefined ? {} : { passingGrades: body.passingGrades }),
        });
        const draft = { ...preset, durationMinutes: body.durationMinutes ?? preset.durationMinutes };
        exam = await pinned(draft, body.snapshotId ? { [body.bankId]: body.snapshotId } : {});
      } else {
        const { bankSnapshots, ...definition } = body.definition;
        exam = await pinned({ ...definition, id: body.id, version: 1 }, bankSnapshots);
      }
      const existing = await store.exams.get(body.id);
      if (existing) {
        if (existing.version === 1 && definitionOf(existing) === definitionOf(exam)) return existing;
        throw userError('DUPLICATE.exam', { examId: body.id });
      }
      await audit.run(
        {
          ...req,
          action: 'exam.create',
          target: `exam:${exam.id}`,
          details: {
            version: 1,
            source: body.source,
            ...(body.source === 'preset' ? { preset: body.preset } : {}),
            bankSnapshots: exam.bankSnapshots,
          },
        },
        () => writeNew(exam, info(req)),
      );
      return exam;
    },

    /** Version n+1 of the exam (n = its latest); earlier versions and their sessions stay as they are. */
    async newVersion(req: StaffRequest, examId: string, definition: ExamDefinition): Promise<Exam> {
      const latest = await latestOf(examId);
      const { bankSnapshots, ...rest } = definition;
      const draft = await pinned({ ...rest, id: examId, version: latest.version + 1 }, bankSnapshots);
      return audit.run(
        {
          ...req,
          action: 'exam.version',
          target: `exam:${examId}`,
          details: { version: draft.version, previous: latest.version, bankSnapshots: draft.bankSnapshots },
        },
        async (entry) => {
          // A retried request (same operation id) writes the version its first try recorded, not n+2.
          const recorded = entry.details?.version;
          const exam = typeof recorded === 'number' ? { ...draft, version: recorded } : draft;
          await writeNew(exam, info(req));
          return exam;
        },
      );
    },

    /** Rewrites the latest version in place while it is not locked (no attempt, no session opening soon). */
    async edit(
      req: StaffRequest,
      examId: string,
      version: number,
      definition: ExamDefinition,
    ): Promise<Exam> {
      const latest = await latestOf(examId);
      if (version !== latest.version) {
        if (await store.exams.get(examId, version))
          throw userError('CONFLICT.examVersionSuperseded', { examId, version, latest: latest.version });
        throw userError('NOT_FOUND.examVersion', { examId, version });
      }
      const use = (await versionUses(examId)).get(version);
      if (use?.locked)
        throw userError('CONFLICT.examVersionLocked', {
          examId,
          version,
          attempts: use.attempts,
          because: use.lockedBecause,
          sessions: use.sessions.map((s) => s.id),
        });
      const { bankSnapshots, ...rest } = definition;
      const exam = await pinned({ ...rest, id: examId, version }, bankSnapshots);
      const stored: Exam =
        latest.scoringCorrections === undefined
          ? exam
          : { ...exam, scoringCorrections: latest.scoringCorrections };
      await audit.run(
        {
          ...req,
          action: 'exam.edit',
          target: `exam:${examId}`,
          details: { version, bankSnapshots: exam.bankSnapshots },
        },
        () => store.exams.put(stored, info(req)),
      );
      contentCache.clear();
      return stored;
    },
  };
};

export type ExamService = ReturnType<typeof createExamService>;
