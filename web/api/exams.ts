// Exams and bank catalogue endpoints for the staff console: exams with versions, presets, banks, snapshots,
// preview (candidate presentation) and the bank import with its per-row problem report.

import { z } from 'zod';
import * as zm from 'zod/mini';
import { publicItem } from '../../functions/schemas/candidate.ts';
import type { ExamCreateBody, ExamDefinition } from '../../functions/schemas/exams.ts';
import { request } from './client.ts';
import { ApiError } from './errors.ts';

const enc = encodeURIComponent;
const serverTime = { serverTime: z.number() };

export const examRecord = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  scheme: z.enum(['SKD', 'PPPK', 'PSYCH']),
  durationMinutes: z.number(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      bankId: z.string(),
      draws: z.array(
        z.object({
          category: z.string(),
          count: z.number(),
          difficulty: z.enum(['easy', 'medium', 'hard']).optional(),
        }),
      ),
      correctPoints: z.number(),
    }),
  ),
  passingGrades: z.array(
    z.object({
      formationType: z.string(),
      label: z.string(),
      sections: z.record(z.string(), z.number()),
      total: z.number().optional(),
    }),
  ),
  bankSnapshots: z.record(z.string(), z.string()).optional(),
});
export type ExamRecord = z.infer<typeof examRecord>;

const examSummary = z.object({
  id: z.string(),
  title: z.string(),
  scheme: z.string(),
  version: z.number(),
  updatedAt: z.number().optional(),
});
export type ExamSummary = z.infer<typeof examSummary>;

const versionUse = z.object({
  sessions: z.array(
    z.object({ id: z.string(), title: z.string(), opensAt: z.number(), cancelled: z.boolean() }),
  ),
  attempts: z.number(),
  locked: z.boolean(),
  lockedBecause: z.enum(['attempts', 'sessionOpening']).optional(),
});
const examVersion = z.object({
  exam: examRecord,
  createdAt: z.number().optional(),
  createdBy: z.string().optional(),
  use: versionUse,
});
export type ExamVersion = z.infer<typeof examVersion>;

const snapshotSummary = z.object({
  snapshotId: z.string(),
  bankId: z.string(),
  itemCount: z.number(),
  byCategory: z.record(z.string(), z.number()),
  createdAt: z.number().optional(),
  origin: z.string().optional(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummary>;

const bankSummary = z.object({ bankId: z.string(), head: z.string(), updatedAt: z.number().optional() });
export type BankSummary = z.infer<typeof bankSummary>;

export const previewItem = zm.extend(publicItem, { bankItemId: zm.string(), category: zm.string() });
export type PreviewItem = zm.infer<typeof previewItem>;
const preview = z.object({
  bankId: z.string(),
  snapshotId: z.string(),
  byCategory: z.record(z.string(), z.number()),
  total: z.number(),
  offset: z.number(),
  items: z.array(previewItem),
  ...serverTime,
});
export type Preview = z.infer<typeof preview>;

const examResponse = z.object({ exam: examRecord, ...serverTime });

export const publicationStatus = z.object({
  publicationId: z.string(),
  latest: z
    .object({ version: z.number(), publishedAt: z.number(), root: z.string(), size: z.number() })
    .nullable(),
  rows: z.number(),
  upToDate: z.boolean(),
});
export type PublicationStatus = z.infer<typeof publicationStatus>;

export const examsApi = {
  list: (token: string) =>
    request(z.object({ exams: z.array(examSummary), ...serverTime }), 'GET', '/api/admin/exams', { token }),
  presets: (token: string) =>
    request(
      z.object({ presets: z.array(z.object({ preset: z.string(), exam: examRecord })), ...serverTime }),
      'GET',
      '/api/admin/exam-presets',
      { token },
    ),
  view: (token: string, examId: string) =>
    request(
      z.object({ exam: examRecord, versions: z.array(examVersion), ...serverTime }),
      'GET',
      `/api/admin/exams/${enc(examId)}`,
      { token },
    ),
  create: (token: string, body: ExamCreateBody) =>
    request(examResponse, 'POST', '/api/admin/exams', { token, body }),
  newVersion: (token: string, examId: string, definition: ExamDefinition) =>
    request(examResponse, 'POST', `/api/admin/exams/${enc(examId)}/versions`, {
      token,
      body: { definition },
    }),
  edit: (token: string, examId: string, version: number, definition: ExamDefinition) =>
    request(examResponse, 'PUT', `/api/admin/exams/${enc(examId)}/versions/${version}`, {
      token,
      body: { definition },
    }),
  /** The exam's latest published SKD ranking and whether it still states the current results. */
  rankingStatus: (token: string, examId: string) =>
    request(
      z.object({ status: publicationStatus, ...serverTime }),
      'GET',
      `/api/admin/publications/${enc(examId)}`,
      { token },
    ),
  /** Publishes the SKD ranking (idempotent: the same rows keep the latest version). */
  publishRanking: (token: string, examId: string) =>
    request(
      z.object({ publication: z.object({ version: z.number(), created: z.boolean() }), ...serverTime }),
      'POST',
      `/api/admin/publications/${enc(examId)}`,
      { token, body: {} },
    ),
  banks: (token: string) =>
    request(z.object({ banks: z.array(bankSummary), ...serverTime }), 'GET', '/api/admin/banks', { token }),
  snapshots: (token: string, bankId: string) =>
    request(
      z.object({
        bankId: z.string(),
        head: z.string().nullable(),
        snapshots: z.array(snapshotSummary),
        ...serverTime,
      }),
      'GET',
      `/api/admin/banks/${enc(bankId)}/snapshots`,
      { token },
    ),
  preview: (
    token: string,
    bankId: string,
    q: { snapshotId?: string; category?: string; offset?: number; limit?: number },
  ) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
    return request(preview, 'GET', `/api/admin/banks/${enc(bankId)}/preview?${params}`, { token });
  },
};

export interface BankProblem {
  row: number;
  reason: string;
}

/** The API refused the bank file: every bad row and why (nothing was written). */
export class BankImportRefused extends Error {
  readonly problems: BankProblem[];
  constructor(message: string, problems: BankProblem[]) {
    super(message);
    this.problems = problems;
  }
}

const importResult = z.object({
  bankId: z.string(),
  imported: z.number(),
  byCategory: z.record(z.string(), z.number()),
  snapshotId: z.string(),
});
export type BankImportResult = z.infer<typeof importResult>;

const refusal = z.object({
  error: z.object({
    message: z.string(),
    details: z.object({ rows: z.array(z.object({ row: z.number(), reason: z.string() })) }),
  }),
});

/** A CSV or JSON file of items into a bank (the file's type decides the format). */
export async function importBank(token: string, bankId: string, file: File): Promise<BankImportResult> {
  const json = file.name.toLowerCase().endsWith('.json') || file.type === 'application/json';
  const res = await fetch(`/api/admin/banks/${enc(bankId)}/items`, {
    method: 'PUT',
    headers: {
      'content-type': json ? 'application/json' : 'text/csv',
      authorization: `Bearer ${token}`,
      'accept-language': document.documentElement.lang || 'id',
    },
    body: file,
  });
  const body = await res.json().catch(() => null);
  if (res.ok) return importResult.parse(body);
  const refused = refusal.safeParse(body);
  if (refused.success)
    throw new BankImportRefused(refused.data.error.message, refused.data.error.details.rows);
  const e = (
    body as { error?: { code?: string; message?: string; fields?: Record<string, string[]> } } | null
  )?.error;
  throw new ApiError(res.status, e?.code ?? 'UNKNOWN', e?.message ?? `HTTP ${res.status}`, e?.fields);
}
