// Candidate CSV import: validate the whole file, write its rows under an import id, flip the pointer last.
// All or nothing without transactions; the import id is the hash of the rows, so the same file twice = same state.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { CandidateRecord, CandidatesPointer, Formation } from '../domain/registry.ts';
import { bilingualIssues } from '../schemas/issue-messages.ts';
import { candidateRow, type ImportProblem } from '../schemas/registry.ts';
import type { AuditLog } from './audit-log.ts';
import { createCandidateList, DEFAULT_CHUNK_ROWS } from './candidate-list.ts';
import type { Deps } from './deps.ts';
import { invalidImport, rowProblems } from './formations.ts';
import { type ColumnSpec, readCsvTable } from './io/csv-table.ts';
import type { StaffRequest } from './request.ts';

export const CANDIDATE_COLUMNS: ColumnSpec = {
  regNo: { aliases: ['registration_number', 'reg_no', 'no_peserta', 'nomor_peserta'], required: true },
  name: { aliases: ['nama'], required: true },
  birthDate: { aliases: ['birth_date', 'tanggal_lahir', 'tgl_lahir'], required: true },
  formationId: { aliases: ['formation', 'formation_id', 'formasi', 'id_formasi'], required: true },
  formationType: { aliases: ['formation_type', 'jenis_formasi'], required: false },
  education: { aliases: ['pendidikan'], required: true },
  extraMinutes: {
    aliases: ['accommodation_minutes', 'extra_minutes', 'tambahan_waktu', 'tambahan_menit'],
    required: false,
  },
  sessionId: { aliases: ['session', 'session_id', 'sesi'], required: false },
};

/**
 * Rows per stored chunk item (≈ 150 B each: ≈ 30 KB per item, far below DynamoDB's 400 KB); recorded on the
 * pointer so the paged list finds row i in chunk ⌊i / chunkRows⌋ (services/candidate-list.ts).
 */
const CHUNK_ROWS = DEFAULT_CHUNK_ROWS;
/** Chunk items per write call and progress report (≤ 25, one BatchWriteItem). */
const CHUNKS_PER_CALL = 5;

/**
 * Validates every row against the schema, the formations (the formation must exist; a formation type given
 * must be the formation's) and the known sessions; duplicates name the first line. Empty cells of optional
 * columns count as absent. Returns the records, or throws VALIDATION with every problem.
 */
export function validateCandidates(
  bytes: Uint8Array,
  formations: ReadonlyMap<string, Formation>,
  sessionIds: ReadonlySet<string>,
): CandidateRecord[] {
  const { rows, problems } = readCsvTable(bytes, CANDIDATE_COLUMNS);
  const out: CandidateRecord[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const values = Object.fromEntries(Object.entries(row.values).filter(([, v]) => v !== ''));
    const parsed = candidateRow.safeParse(values, { error: bilingualIssues });
    if (!parsed.success) {
      problems.push(...rowProblems(row.line, parsed.error.issues));
      continue;
    }
    const c = parsed.data;
    const rowIssues: ImportProblem[] = [];
    const first = seen.get(c.regNo);
    if (first !== undefined)
      rowIssues.push({
        line: row.line,
        column: 'regNo',
        message: `duplikat baris ${first} / duplicate of line ${first}`,
      });
    const f = formations.get(c.formationId);
    if (!f)
      rowIssues.push({
        line: row.line,
        column: 'formationId',
        message: `formasi tidak dikenal / unknown formation ${c.formationId}`,
      });
    else if (c.formationType !== undefined && c.formationType !== f.formationType)
      rowIssues.push({
        line: row.line,
        column: 'formationType',
        message: `formasi ${f.id} berjenis ${f.formationType} / formation ${f.id} is of type ${f.formationType}`,
      });
    if (c.sessionId !== undefined && !sessionIds.has(c.sessionId))
      rowIssues.push({
        line: row.line,
        column: 'sessionId',
        message: `sesi tidak dikenal / unknown session ${c.sessionId}`,
      });
    if (rowIssues.length > 0) {
      problems.push(...rowIssues);
      continue;
    }
    seen.set(c.regNo, row.line);
    out.push({
      regNo: c.regNo,
      name: c.name,
      birthDate: c.birthDate,
      formationId: c.formationId,
      formationType: c.formationType ?? f!.formationType,
      education: c.education,
      extraMinutes: c.extraMinutes,
      ...(c.sessionId !== undefined ? { sessionId: c.sessionId } : {}),
    });
  }
  if (problems.length > 0) throw invalidImport(problems);
  if (out.length === 0) throw invalidImport([{ line: 1, message: 'Tidak ada baris / No rows' }]);
  return out;
}

/** Import id: hex SHA-256 of the canonical JSON of the rows sorted by regNo, first 24 characters. */
export const importIdOf = (rows: readonly CandidateRecord[]): string =>
  createHash('sha256')
    .update(canonicalJson([...rows].sort((a, b) => (a.regNo < b.regNo ? -1 : 1))))
    .digest('hex')
    .slice(0, 24);

export interface ImportReport {
  importId: string;
  rows: number;
  withSession: number;
  /** false when the file equals the set already in force (nothing was written). */
  changed: boolean;
}

export const createCandidateImportService = (deps: Deps, audit: AuditLog) => ({
  /** Parses and checks the whole file; throws VALIDATION with every bad row before anything is written. */
  async validate(bytes: Uint8Array): Promise<CandidateRecord[]> {
    const [formations, sessions] = await Promise.all([
      deps.store.formations.list(),
      deps.store.sessions.list(),
    ]);
    return validateCandidates(
      bytes,
      new Map(formations.map((f) => [f.id, f])),
      new Set(sessions.map((s) => s.id)),
    );
  },

  /** Writes validated rows under their import id, then flips the pointer (audited; idempotent). */
  async write(
    req: StaffRequest,
    rows: CandidateRecord[],
    onProgress: (written: number, total: number) => void = () => {},
  ): Promise<ImportReport> {
    const importId = importIdOf(rows);
    const withSession = rows.filter((r) => r.sessionId !== undefined).length;
    const fileHash = createHash('sha256').update(canonicalJson(rows)).digest('hex');
    const current = await deps.store.candidates.getPointer();
    if (current?.importId === importId) return { importId, rows: rows.length, withSession, changed: false };
    await audit.run(
      { ...req, action: 'candidates.import', target: `import:${importId}`, details: { rows: rows.length } },
      async () => {
        // Rows in regNo order, CHUNK_ROWS per item, CHUNKS_PER_CALL items per progress step.
        const sorted = [...rows].sort((a, b) => (a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : 0));
        const chunks = [];
        for (let i = 0; i < sorted.length; i += CHUNK_ROWS)
          chunks.push({ n: chunks.length, rows: sorted.slice(i, i + CHUNK_ROWS) });
        let written = 0;
        for (let i = 0; i < chunks.length; i += CHUNKS_PER_CALL) {
          const part = chunks.slice(i, i + CHUNKS_PER_CALL);
          await deps.store.candidates.putImportChunks(importId, part);
          written += part.reduce((s, c) => s + c.rows.length, 0);
          onProgress(written, rows.length);
        }
        const pointer: CandidatesPointer = {
          importId,
          rows: rows.length,
          fileHash,
          at: deps.clock(),
          by: req.actor.id,
          chunkRows: CHUNK_ROWS,
        };
        await deps.store.candidates.setPointer(pointer);
      },
    );
    return { importId, rows: rows.length, withSession, changed: true };
  },

  /** One page of the set in force (cursor paging over the packed chunks). */
  page: createCandidateList(deps).page,
});

export type CandidateImportService = ReturnType<typeof createCandidateImportService>;
