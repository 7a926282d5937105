// SKB and regrade endpoints for the staff console: SKB settings, score CSV upload, final ranking preview and
// publication; a key/weight correction (regrade) with the results it moved, old -> new.
import { z } from 'zod';
import { importProblem } from '../../functions/schemas/registry.ts';
import type { SkbSettingsBody } from '../../functions/schemas/skb.ts';
import { ImportRefused } from './admin-io.ts';
import { request } from './client.ts';
import { ApiError } from './errors.ts';
import { publicationStatus } from './exams.ts';

const enc = encodeURIComponent;
const serverTime = { serverTime: z.number() };

export const skbSettings = z.object({
  mode: z.enum(['score', 'components']),
  componentWeights: z.record(z.string(), z.number()),
  final: z.object({ skd: z.number(), skb: z.number(), skdMax: z.number() }),
  tieBreaks: z.array(z.string()),
});
export type SkbSettings = z.infer<typeof skbSettings>;

const pointer = z.object({
  importId: z.string(),
  mode: z.string(),
  rows: z.number(),
  at: z.number(),
  by: z.string(),
});
const report = z.object({
  importId: z.string(),
  rows: z.number(),
  mode: z.string(),
  notAdvanced: z.number(),
  changed: z.boolean(),
});
export type SkbReport = z.infer<typeof report>;

export const finalRow = z.object({
  pseudonym: z.string(),
  regNo: z.string(),
  formationId: z.string(),
  total: z.number(),
  skb: z.number().nullable().optional(),
  final: z.number().nullable().optional(),
  rank: z.number().nullable(),
  advances: z.boolean(),
});
export type FinalRow = z.infer<typeof finalRow>;

const score = z.object({
  sections: z.record(z.string(), z.number()),
  total: z.number(),
  passed: z.boolean().nullable(),
});
export const regradeOutcome = z.object({
  examId: z.string(),
  rescored: z.number(),
  changed: z.number(),
  corrections: z.array(
    z.object({ regradeId: z.string(), changed: z.array(z.object({ itemId: z.string() })) }),
  ),
  affected: z.array(
    z.object({
      attemptId: z.string(),
      regNo: z.string(),
      formationId: z.string(),
      before: score,
      after: score,
    }),
  ),
});
export type RegradeOutcome = z.infer<typeof regradeOutcome>;

export const skbApi = {
  get: (token: string, examId: string) =>
    request(
      z.object({ settings: skbSettings, import: pointer.nullable(), ...serverTime }),
      'GET',
      `/api/admin/skb/${enc(examId)}`,
      {
        token,
      },
    ),
  saveSettings: (token: string, examId: string, body: SkbSettingsBody) =>
    request(
      z.object({ settings: skbSettings, ...serverTime }),
      'PUT',
      `/api/admin/skb/${enc(examId)}/settings`,
      {
        token,
        body,
      },
    ),
  final: (token: string, examId: string) =>
    request(
      z.object({ rows: z.array(finalRow), publication: publicationStatus, ...serverTime }),
      'GET',
      `/api/admin/skb/${enc(examId)}/final`,
      {
        token,
      },
    ),
  publish: (token: string, examId: string) =>
    request(
      z.object({
        publication: z.object({ publicationId: z.string(), version: z.number(), created: z.boolean() }),
      }),
      'POST',
      `/api/admin/publications/${enc(examId)}/final`,
      { token, body: {} },
    ),
  regrade: (token: string, examId: string, body: unknown) =>
    request(
      z.object({ regrade: regradeOutcome, ...serverTime }),
      'POST',
      `/api/admin/exams/${enc(examId)}/regrade`,
      {
        token,
        body,
      },
    ),
};

/** Uploads the SKB score CSV: the report, or ImportRefused with every problem by line. */
export async function uploadSkbScores(token: string, examId: string, file: Blob): Promise<SkbReport> {
  const res = await fetch(`/api/admin/skb/${enc(examId)}/scores`, {
    method: 'PUT',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: file,
  });
  const json = await res.json().catch(() => null);
  if (res.ok) return z.object({ report }).parse(json).report;
  const refused = z
    .object({
      error: z.object({ message: z.string(), details: z.object({ problems: z.array(importProblem) }) }),
    })
    .safeParse(json);
  if (refused.success)
    throw new ImportRefused(refused.data.error.message, refused.data.error.details.problems);
  const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
  throw new ApiError(res.status, err?.code ?? 'UNKNOWN', err?.message ?? `HTTP ${res.status}`);
}
