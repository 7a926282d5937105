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

/** Where a candidate import is: bytes sent, the server checking the whole file, rows written, or done. */
export type ImportProgress =
  | { phase: 'upload'; loaded: number; total: number }
  | { phase: 'validate' }
  | { phase: 'write'; written: number; total: number };

/**
 * Sends the file with XMLHttpRequest (fetch reports no upload progress) and reads the NDJSON answer as it grows:
 * `upload` while bytes go out, `validate` until the server starts answering (it checks every row first, nothing
 * written), `write` per stored part, then the report.
 */
export function uploadCandidates(
  token: string,
  file: Blob,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    /** Handles each complete NDJSON line that arrived since the last call. */
    const drain = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      const lines = text.slice(seen, end).split('\n');
      seen = Math.max(seen, end);
      for (const line of lines) {
        if (!line.trim()) continue;
        const msg = JSON.parse(line) as {
          written?: number;
          total?: number;
          report?: unknown;
          error?: { code: string; message: string };
        };
        if (msg.error) return finish(() => reject(new ApiError(500, msg.error!.code, msg.error!.message)));
        if (msg.report) return finish(() => resolve(report.parse(msg.report)));
        if (msg.written !== undefined && msg.total !== undefined)
          onProgress({ phase: 'write', written: msg.written, total: msg.total });
      }
    };
    xhr.open('POST', '/api/admin/candidates/import');
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('accept-language', document.documentElement.lang || 'id');
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) =>
      onProgress({ phase: 'upload', loaded: e.loaded, total: e.total || file.size });
    xhr.upload.onload = () => onProgress({ phase: 'validate' });
    xhr.onprogress = drain;
    xhr.onerror = () => finish(() => reject(new ApiError(0, 'NETWORK', 'network error')));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        const res = new Response(xhr.responseText, { status: xhr.status });
        void failure(res).then((err) => finish(() => reject(err)));
        return;
      }
      drain();
      finish(() => reject(new ApiError(0, 'NETWORK', 'import stream ended without a report')));
    };
    onProgress({ phase: 'upload', loaded: 0, total: file.size });
    xhr.send(file);
  });
}
