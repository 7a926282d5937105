// Formation use cases: list, edit one, import a CSV (all or nothing, every bad row listed); each change audited.

import type { z } from 'zod';
import type { DomainError } from '../domain/errors.ts';
import type { Formation } from '../domain/registry.ts';
import { bilingualIssues } from '../schemas/issue-messages.ts';
import { formation, type formationEdit, type ImportProblem } from '../schemas/registry.ts';
import type { AuditLog } from './audit-log.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import { type ColumnSpec, readCsvTable } from './io/csv-table.ts';
import type { StaffRequest } from './request.ts';

export const FORMATION_COLUMNS: ColumnSpec = {
  id: { aliases: ['formation_id', 'id_formasi', 'kode_formasi'], required: true },
  position: { aliases: ['jabatan'], required: true },
  agencyUnit: { aliases: ['agency_unit', 'unit_kerja', 'unit'], required: true },
  openings: { aliases: ['kebutuhan', 'formasi', 'jumlah'], required: true },
  formationType: { aliases: ['formation_type', 'jenis_formasi'], required: true },
};

/** Zod issues of one row as problems on that line. */
export const rowProblems = (line: number, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  issues.map((i): ImportProblem => ({ line, column: String(i.path[0] ?? ''), message: i.message }));

/** Every problem, in line order (file-level problems first). */
export const invalidImport = (unsorted: ImportProblem[]): DomainError => {
  const problems = [...unsorted].sort((a, b) => a.line - b.line);
  return userError('VALIDATION.fileRefused', { problems });
};

export function parseFormationsCsv(bytes: Uint8Array): Formation[] {
  const { rows, problems } = readCsvTable(bytes, FORMATION_COLUMNS);
  const out: Formation[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parsed = formation.safeParse(row.values, { error: bilingualIssues });
    if (!parsed.success) {
      problems.push(...rowProblems(row.line, parsed.error.issues));
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      problems.push({
        line: row.line,
        column: 'id',
        message: `duplikat baris ${first} / duplicate of line ${first}`,
      });
      continue;
    }
    seen.set(parsed.data.id, row.line);
    out.push(parsed.data);
  }
  if (problems.length > 0) throw invalidImport(problems);
  if (out.length === 0) throw invalidImport([{ line: 1, message: 'Tidak ada baris / No rows' }]);
  return out;
}

export const createFormationService = (deps: Deps, audit: AuditLog) => ({
  list: (): Promise<Formation[]> => deps.store.formations.list(),

  async get(formationId: string): Promise<Formation> {
    const f = await deps.store.formations.get(formationId);
    if (!f) throw userError('NOT_FOUND.formation');
    return f;
  },

  /** Replaces formations with the same id; others stay. */
  async importCsv(req: StaffRequest, bytes: Uint8Array): Promise<{ imported: number }> {
    const formations = parseFormationsCsv(bytes);
    await audit.run(
      { ...req, action: 'formations.import', target: 'formations', details: { rows: formations.length } },
      () => deps.store.formations.putMany(formations),
    );
    return { imported: formations.length };
  },

  async edit(
    req: StaffRequest,
    formationId: string,
    body: z.infer<typeof formationEdit>,
  ): Promise<Formation> {
    const next: Formation = { id: formationId, ...body };
    await audit.run(
      { ...req, action: 'formation.put', target: `formation:${formationId}`, details: { ...body } },
      () => deps.store.formations.put(next),
    );
    return next;
  },
});

export type FormationService = ReturnType<typeof createFormationService>;
