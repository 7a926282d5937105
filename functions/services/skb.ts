// SKB stage of an SKD exam: settings (mode, component weights, final weights, tie-breaks), score import from CSV
// (all or nothing, every bad row listed), the final ranking (SKD 40 % + SKB 60 % by default) and its publication.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.ts';
import { rankFinal } from '../domain/final-ranking.ts';
import { pseudonym } from '../domain/pseudonym.ts';
import type { PublishedRow } from '../domain/publication.ts';
import {
  DEFAULT_SKB_SETTINGS,
  type SkbScoreRow,
  type SkbSettings,
  skbMilliOf,
  toMilli,
} from '../domain/skb.ts';
import { regNo as regNoSchema } from '../schemas/common.ts';
import { bilingualIssues } from '../schemas/issue-messages.ts';
import type { ImportProblem } from '../schemas/registry.ts';
import { SKB_COMPONENT_NAMES, type SkbSettingsBody, skbScoreText } from '../schemas/skb.ts';
import type { SkbImportPointer } from '../store/types.ts';
import type { AuditLog } from './audit-log.ts';
import type { Deps } from './deps.ts';
import { invalidImport } from './formations.ts';
import { type ColumnSpec, readCsvTable } from './io/csv-table.ts';
import {
  type LatestPointer,
  type PublicationInput,
  type PublicationService,
  type PublicationStatus,
  publicationKeysOf,
} from './publication.ts';
import type { StaffRequest } from './request.ts';

/** Publication id of an exam's final ranking (beside the SKD ranking, which has the exam id). */
export const finalPublicationId = (examId: string): string => `${examId}.final`;

const SCORE_COLUMNS: ColumnSpec = {
  regNo: {
    aliases: ['no_peserta', 'nomor_peserta', 'reg_no', 'registration_number', 'nomor'],
    required: true,
  },
  skb: { aliases: ['nilai_skb', 'skb_score', 'score', 'nilai'], required: false },
  CAT: { aliases: ['skb_cat', 'tes_komputer', 'computer_test'], required: false },
  WAWANCARA: { aliases: ['interview'], required: false },
  LAINNYA: { aliases: ['other', 'tes_lainnya'], required: false },
  PSIKOTES: { aliases: ['psych', 'psikologi'], required: false },
};

/** SKB rows per chunk item (each row < 200 bytes: far below 400 KB). */
const CHUNK_ROWS = 500;

const problem = (line: number, column: string, id: string, en: string): ImportProblem => ({
  line,
  column,
  message: `${id} / ${en}`,
});

export interface SkbImportReport {
  importId: string;
  rows: number;
  mode: SkbSettings['mode'];
  /** Rows of candidates who did not advance from SKD (kept, not ranked). */
  notAdvanced: number;
  changed: boolean;
}

/** A final-ranking row as the admin sees it: the published row plus the registration number. */
export type FinalPreviewRow = PublishedRow & { regNo: string };

export const createSkbService = (deps: Deps, audit: AuditLog, publication: PublicationService) => {
  const { store } = deps;
  const settingsOf = async (examId: string): Promise<SkbSettings> =>
    (await store.skb.getSettings(examId)) ?? (structuredClone(DEFAULT_SKB_SETTINGS) as SkbSettings);

  /** Parses the file against the settings and the exam's SKD results; every problem, or the rows. */
  const parse = (bytes: Uint8Array, settings: SkbSettings, known: ReadonlySet<string>): SkbScoreRow[] => {
    const { rows, problems } = readCsvTable(bytes, SCORE_COLUMNS);
    // File-level problems (encoding, header) stop here; row-shape problems are listed with the rest.
    if (problems.some((p) => p.line <= 1)) throw invalidImport(problems);
    const columns = new Set(rows.flatMap((r) => Object.keys(r.values)));
    const weighted = SKB_COMPONENT_NAMES.filter((c) => (settings.componentWeights[c] ?? 0) > 0);
    const head: ImportProblem[] = [];
    if (settings.mode === 'score' && !columns.has('skb'))
      head.push(problem(1, 'skb', 'kolom nilai_skb wajib (mode nilai)', 'column skb required (score mode)'));
    if (settings.mode === 'components') {
      if (columns.has('skb'))
        head.push(
          problem(1, 'skb', 'mode komponen: hapus kolom nilai_skb', 'components mode: drop column skb'),
        );
      for (const c of weighted)
        if (!columns.has(c))
          head.push(
            problem(
              1,
              c,
              `kolom komponen ${c} wajib (bobot > 0)`,
              `component column ${c} required (weight > 0)`,
            ),
          );
    }
    if (head.length) throw invalidImport(head);
    const out: SkbScoreRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, values } of rows) {
      const before = problems.length;
      const reg = regNoSchema.safeParse(values.regNo ?? '', { error: bilingualIssues });
      const first = reg.success ? seen.get(reg.data) : undefined;
      if (!reg.success)
        problems.push(problem(line, 'regNo', 'nomor peserta tidak valid', 'invalid registration number'));
      else if (first !== undefined) {
        problems.push(problem(line, 'regNo', `duplikat baris ${first}`, `duplicate of line ${first}`));
        continue;
      } else {
        seen.set(reg.data, line);
        if (!known.has(reg.data))
          problems.push(
            problem(line, 'regNo', 'tidak ada hasil SKD ujian ini', 'no SKD result of this exam'),
          );
      }
      const score = (column: string, required: boolean): number | undefined => {
        const text = values[column] ?? '';
        if (text === '') {
          if (required) problems.push(problem(line, column, 'nilai wajib diisi', 'value required'));
          return undefined;
        }
        const n = skbScoreText.safeParse(text, { error: bilingualIssues });
        if (!n.success) {
          problems.push({ line, column, message: n.error.issues[0]?.message ?? 'invalid' });
          return undefined;
        }
        return toMilli(n.data, column);
      };
      if (settings.mode === 'score') {
        const skbMilli = score('skb', true);
        for (const c of SKB_COMPONENT_NAMES) score(c, false);
        if (problems.length === before && reg.success && skbMilli !== undefined)
          out.push({ regNo: reg.data, skbMilli });
      } else {
        const componentsMilli: Record<string, number> = {};
        for (const c of SKB_COMPONENT_NAMES) {
          if (!columns.has(c)) continue;
          const v = score(c, weighted.includes(c));
          if (v !== undefined) componentsMilli[c] = v;
        }
        if (problems.length === before && reg.success) out.push({ regNo: reg.data, componentsMilli });
      }
    }
    if (problems.length) throw invalidImport(problems);
    if (out.length === 0) throw invalidImport([problem(1, '', 'tidak ada baris', 'no rows')]);
    return out.sort((a, b) => (a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : 0));
  };

  /** The final ranking rows (published shape) and the registration number of each pseudonym (admins only). */
  const finalRows = async (examId: string) => {
    const keys = publicationKeysOf(deps);
    const settings = await settingsOf(examId);
    const skd = await publication.skdRanking(examId);
    const skb = new Map(
      (await store.skb.listCurrent(examId)).map((r) => [pseudonym(keys.pseudonymSecret, r.regNo), r]),
    );
    const inputs = skd.rows
      .filter((r) => r.advances)
      .map((r) => {
        const s = skb.get(r.pseudonym);
        return {
          pseudonym: r.pseudonym,
          formationId: r.formationId,
          sections: r.sections,
          total: r.total,
          receipt: r.receipt,
          skbMilli: s ? skbMilliOf(s, settings) : null,
        };
      });
    const used = new Set(inputs.map((i) => i.formationId));
    const formations = skd.formations.filter((f) => used.has(f.id));
    const rows = rankFinal(inputs, formations, settings.final, settings.tieBreaks);
    return { exam: skd.exam, settings, formations, rows, regNos: skd.regNos };
  };

  /** What a final publication made now would state (rows, formations, settings), with the preview's parts. */
  const publicationInput = async (examId: string) => {
    const { exam, settings, formations, rows, regNos } = await finalRows(examId);
    const input: PublicationInput = {
      title: exam.title,
      formations,
      rows,
      sectionIds: exam.sections.map((s) => s.id),
      final: {
        skdWeight: settings.final.skd,
        skbWeight: settings.final.skb,
        skdMax: settings.final.skdMax,
        tieBreaks: settings.tieBreaks,
      },
    };
    return { settings, rows, regNos, input };
  };

  return {
    settings: settingsOf,

    async putSettings(req: StaffRequest, examId: string, body: SkbSettingsBody): Promise<SkbSettings> {
      const exam = await publication.skdExam(examId);
      const settings: SkbSettings = {
        mode: body.mode,
        componentWeights: { ...body.componentWeights } as Record<string, number>,
        final: body.final,
        tieBreaks: body.tieBreaks,
      };
      await audit.run(
        { ...req, action: 'skb.settings', target: `exam:${exam.id}`, details: { ...settings } },
        () => store.skb.putSettings(examId, settings),
      );
      return settings;
    },

    /** The import in force and its row count (components never leave the admin API). */
    pointer: (examId: string): Promise<SkbImportPointer | undefined> => store.skb.getPointer(examId),

    /**
     * Imports SKB scores: the whole file is checked first against the settings' mode and the exam's SKD results
     * (400 with every problem, nothing written); chunks, then the pointer (last). Same rows again -> unchanged.
     */
    async importCsv(req: StaffRequest, examId: string, bytes: Uint8Array): Promise<SkbImportReport> {
      const settings = await settingsOf(examId);
      const skd = await publication.skdRanking(examId);
      const known = new Set(skd.regNos.values());
      const rows = parse(bytes, settings, known);
      const advanced = new Set(skd.rows.filter((r) => r.advances).map((r) => skd.regNos.get(r.pseudonym)));
      const notAdvanced = rows.filter((r) => !advanced.has(r.regNo)).length;
      const importId = createHash('sha256')
        .update(canonicalJson({ mode: settings.mode, rows }))
        .digest('hex')
        .slice(0, 16);
      const current = await store.skb.getPointer(examId);
      if (current?.importId === importId)
        return { importId, rows: rows.length, mode: settings.mode, notAdvanced, changed: false };
      await audit.run(
        {
          ...req,
          action: 'skb.import',
          target: `exam:${examId}`,
          details: { importId, rows: rows.length, mode: settings.mode },
        },
        async () => {
          const chunks = [];
          for (let i = 0; i * CHUNK_ROWS < rows.length; i++)
            chunks.push({ n: i, rows: rows.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS) });
          await store.skb.putImportChunks(examId, importId, chunks);
          await store.skb.setPointer(examId, {
            importId,
            mode: settings.mode,
            rows: rows.length,
            at: deps.clock(),
            by: req.actor.id,
          });
        },
      );
      return { importId, rows: rows.length, mode: settings.mode, notAdvanced, changed: true };
    },

    /**
     * Final ranking as the admin sees it before publishing: published rows plus registration numbers, and
     * whether the latest published final ranking states exactly these rows and settings.
     */
    async preview(
      examId: string,
    ): Promise<{ settings: SkbSettings; rows: FinalPreviewRow[]; publication: PublicationStatus }> {
      const { settings, rows, regNos, input } = await publicationInput(examId);
      return {
        settings,
        rows: rows.map((r) => ({ ...r, regNo: regNos.get(r.pseudonym) ?? '' })),
        publication: await publication.status(finalPublicationId(examId), input),
      };
    },

    /**
     * Publishes the final ranking as publication `<exam>.final`: anonymized rows (SKD sections and total, SKB,
     * final; never a component, so no psych detail), signed, Merkle-rooted, versioned like the SKD ranking.
     */
    publish(req: StaffRequest, examId: string): Promise<LatestPointer & { created: boolean }> {
      const pubId = finalPublicationId(examId);
      return audit.run({ ...req, action: 'publication.publishFinal', target: `exam:${examId}` }, async () =>
        publication.publishRows(pubId, (await publicationInput(examId)).input),
      );
    },
  };
};

export type SkbService = ReturnType<typeof createSkbService>;
