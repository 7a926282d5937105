// Admin uploads and exports that are not JSON: CSV imports (with NDJSON progress) and CSV downloads.
import { z } from 'zod';
import { importProblem } from '../../functions/schemas/registry.ts';
import { issuedPin } from '../../functions/schemas/scheduling.ts';
import { sessionView } from '../../functions/schemas/staff.ts';
import { request } from './client.ts';
import { ApiError } from './errors.ts';

export const releaseResponse = z.object({
  session: sessionView,
  pins: z.array(issuedPin),
  serverTime: z.number(),
});

export const releasePins = (token: string, sessionId: string) =>
  request(releaseResponse, 'POST', `/api/admin/sessions/${encodeURIComponent(sessionId)}/release-pins`, {
    token,
    body: {},
  });

const problemsOf = (json: unknown) =>
  z.object({ error: z.object({ details: z.object({ problems: z.array(importProblem) }) }) }).safeParse(json);

/** The API refused the file: every problem, by line. */
export class ImportRefused extends Error {
  readonly problems: z.infer<typeof importProblem>[];
  constructor(message: string, problems: z.infer<typeof importProblem>[]) {
    super(message);
    this.problems = problems;
  }
}

const failure = async (res: Response): Promise<Error> => {
  const json = await res.json().catch(() => null);
  const refused = problemsOf(json);
  const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
  if (refused.success) return new ImportRefused(message, refused.data.error.details.problems);
  const code = (json as { error?: { code?: string } } | null)?.error?.code ?? 'UNKNOWN';
  return new ApiError(res.status, code, message);
};

export async function uploadFormations(token: string, file: Blob): Promise<{ imported: number }> {
  const res = await fetch('/api/admin/formations', {
    method: 'PUT',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: file,
  });
  if (!res.ok) throw await failure(res);
  return z.object({ imported: z.number() }).parse(await res.json());
}

const report = z.object({
  importId: z.string(),
  rows: z.number(),
  withSession: z.number(),
  changed: z.boolean(),
});
export type ImportReport = z.infer<typeof report>;

/** Streams the import: `onProgress(written, total)` per stored part, then the report. */
export async function uploadCandidates(
  token: string,
  file: Blob,
  onProgress: (written: number, total: number) => void,
): Promise<ImportReport> {
  const res = await fetch('/api/admin/candidates/import', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson', authorization: `Bearer ${token}` },
    body: file,
  });
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const msg = JSON.parse(line) as {
        written?: number;
        total?: number;
        report?: unknown;
        error?: { code: string; message: string };
      };
      if (msg.error) throw new ApiError(500, msg.error.code, msg.error.message);
      if (msg.report) return report.parse(msg.report);
      if (msg.written !== undefined && msg.total !== undefined) onProgress(msg.written, msg.total);
    }
    if (done) throw new ApiError(0, 'NETWORK', 'import stream ended without a report');
  }
}
