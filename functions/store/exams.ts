// Exam repository: definition in EXAM#id/META, one SECTION#nnn item per section.
import { DomainError } from '../domain/errors.ts';
import type { Exam, Section } from '../domain/exam.ts';
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { ExamRepo } from './types.ts';

type ExamMeta = Omit<Exam, 'sections'> & { sectionCount: number };
interface SectionItem {
  examVersion: number;
  n: number;
  section: Section;
}

const READ_ATTEMPTS = 3;

export const createExamRepo = (table: Table): ExamRepo => ({
  /** Sections first, META last: a reader never sees a META whose sections are not written yet. */
  async put(exam: Exam): Promise<void> {
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
  },

  async get(examId: string): Promise<Exam | undefined> {
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
      // A concurrent put of another version can interleave; read again until META and sections agree.
      if (sections.length === sectionCount) return { ...meta, sections };
    }
    throw new DomainError('CONFLICT', `exam ${examId} is being rewritten; retry`);
  },
});
