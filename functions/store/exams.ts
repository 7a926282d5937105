// Exam repository: the latest version in EXAM#id/META + SECTION#nnn, every version whole in VERSION#n, a list entry.
import { DomainError } from '../domain/errors.ts';
import type { Exam, ScoringCorrections, Section } from '../domain/exam.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { ExamRepo, ExamSummary, ExamVersionInfo, ExamVersionRecord } from './types.ts';

type ExamMeta = Omit<Exam, 'sections'> & { sectionCount: number };
interface SectionItem {
  examVersion: number;
  n: number;
  section: Section;
}
/** A version as written: the definition without scoring corrections (those belong to the exam, see get()). */
interface VersionItem extends ExamVersionInfo {
  exam: Omit<Exam, 'scoringCorrections'>;
}

const READ_ATTEMPTS = 3;

const withoutCorrections = (exam: Exam): Omit<Exam, 'scoringCorrections'> => {
  const { scoringCorrections: _, ...rest } = exam;
  return rest;
};

export const createExamRepo = (table: Table): ExamRepo => {
  /** Sections first, META last: a reader never sees a META whose sections are not written yet. */
  const writeLatest = async (exam: Exam, info: ExamVersionInfo): Promise<void> => {
    const { sections, ...rest } = exam;
    const sectionItems = sections.map((section, n) =>
      Table.toItem(keys.examSection(exam.id, n), {
        examVersion: exam.version,
        n,
        section,
      } satisfies SectionItem),
    );
    await table.batchPut(sectionItems);
    const meta: ExamMeta = { ...rest, sectionCount: sections.length };
    await table.put(Table.toItem(keys.exam(exam.id), meta));
    const summary: ExamSummary = {
      id: exam.id,
      title: exam.title,
      scheme: exam.scheme,
      version: exam.version,
      ...(info.createdAt === undefined ? {} : { updatedAt: info.createdAt }),
    };
    await table.put(Table.toItem(keys.examListEntry(exam.id), summary));
  };

  const versionItem = (exam: Exam, info: ExamVersionInfo) =>
    Table.toItem(keys.examVersion(exam.id, exam.version), {
      exam: withoutCorrections(exam),
      ...info,
    } satisfies VersionItem);

  /** The latest version from META + sections, and the partition's VERSION items, in one strongly consistent read. */
  const readPartition = async (examId: string) => {
    const { PK } = keys.exam(examId);
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const items = await table.queryPartition(PK, { consistent: true });
      const metaItem = items.find((i) => i.SK?.S === keys.exam(examId).SK);
      if (!metaItem) return undefined;
      const { sectionCount, ...meta } = Table.fromItem<ExamMeta>(metaItem);
      const sections: Section[] = [];
      for (let n = 0; n < sectionCount; n++) {
        const sk = keys.examSection(examId, n).SK;
        const item = items.find((i) => i.SK?.S === sk);
        const s = item ? Table.fromItem<SectionItem>(item) : undefined;
        if (!s || s.examVersion !== meta.version) break;
        sections.push(s.section);
      }
      const versionPrefix = keys.examVersionsPrefix(examId).SKPrefix;
      const versions = items
        .filter((i) => i.SK?.S?.startsWith(versionPrefix))
        .map((i) => Table.fromItem<VersionItem>(i));
      // A concurrent put of another version can interleave; read again until META and sections agree.
      if (sections.length === sectionCount) return { latest: { ...meta, sections } as Exam, versions };
    }
    throw new DomainError('CONFLICT', `exam ${examId} is being rewritten; retry`);
  };

  const withCorrections = (exam: Omit<Exam, 'scoringCorrections'>, c?: ScoringCorrections): Exam =>
    c === undefined ? { ...exam } : { ...exam, scoringCorrections: c };

  return {
    async put(exam: Exam, info: ExamVersionInfo = {}): Promise<void> {
      await table.put(versionItem(exam, info));
      await writeLatest(exam, info);
    },

    async createVersion(exam: Exam, info: ExamVersionInfo): Promise<void> {
      await table.put(versionItem(exam, info), {
        condition: 'attribute_not_exists(SK)',
        onConditional: 'CONFLICT',
      });
      await writeLatest(exam, info);
    },

    async get(examId: string, version?: number): Promise<Exam | undefined> {
      const read = await readPartition(examId);
      if (!read) return undefined;
      const { latest, versions } = read;
      if (version === undefined || version === latest.version) return latest;
      const v = versions.find((x) => x.exam.version === version);
      return v ? withCorrections(v.exam, latest.scoringCorrections) : undefined;
    },

    async versions(examId: string): Promise<ExamVersionRecord[]> {
      const read = await readPartition(examId);
      if (!read) return [];
      const { latest, versions } = read;
      const out: ExamVersionRecord[] = versions.map((v) => ({
        ...v,
        exam: withCorrections(v.exam, latest.scoringCorrections),
      }));
      // An exam written before versions were kept has only its latest version.
      if (!out.some((v) => v.exam.version === latest.version)) out.push({ exam: latest });
      return out.sort((a, b) => a.exam.version - b.exam.version);
    },

    async list(): Promise<ExamSummary[]> {
      const { PK, SKPrefix } = keys.examList();
      const rows = await table.queryPartition(PK, { skPrefix: SKPrefix });
      return rows.map((r) => Table.fromItem<ExamSummary>(r));
    },

    async setCorrections(examId: string, corrections: ScoringCorrections): Promise<void> {
      await table.update(
        {
          Key: Table.toItem(keys.exam(examId), {}),
          UpdateExpression: 'SET scoringCorrections = :c',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: Table.toItem({}, { ':c': corrections }),
        },
        'NOT_FOUND',
      );
    },
  };
};
