#!/usr/bin/env node
// Verifier CLI: `npm run verify -- [--jobs=N] <bundle dir | bundle.json>`; imports only the domain (no server
// code); large bundles verify their attempts on N worker threads (default: one per CPU).
import { realpathSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import type { BundleFiles, BundleManifest } from '../domain/bundle.ts';
import { type AttemptsOutcome, sliceFiles, type VerifyReport, verifyBundle } from '../domain/verify.ts';
import { openBundle } from './open-bundle.ts';

export { openBundle };

export function formatReport(r: VerifyReport): string {
  const lines = [
    'Seleksi audit verification',
    ...Object.entries(r.counts).map(([k, v]) => `  ${k.padEnd(11)} ${v}`),
    r.mismatches.length === 0 ? 'RESULT: OK, no mismatch' : `RESULT: ${r.mismatches.length} mismatch(es)`,
  ];
  for (const m of r.mismatches)
    lines.push(`  - ${m.subject}: ${m.what}\n      expected: ${m.expected}\n      found:    ${m.found}`);
  return lines.join('\n');
}

/** Below this many attempts one thread is faster than starting workers (each reads the whole bundle). */
const PARALLEL_FROM = 2000;

/**
 * The attempts step over `jobs` worker threads, one contiguous slice each; progress summed across them.
 * Each worker gets the texts of only the files its slice reads (sliceFiles), read once here.
 */
export function inWorkers(files: BundleFiles, jobs: number, progress: (done: number, total: number) => void) {
  return (total: number): Promise<AttemptsOutcome[]> => {
    const size = Math.ceil(total / jobs);
    const done = new Array<number>(jobs).fill(0);
    const manifest = JSON.parse(files.read('manifest.json') ?? '{}') as BundleManifest;
    return Promise.all(
      Array.from(
        { length: jobs },
        (_, i) =>
          new Promise<AttemptsOutcome>((resolve, reject) => {
            const from = i * size;
            const to = Math.min(total, (i + 1) * size);
            const texts: Record<string, string> = {};
            for (const p of sliceFiles(manifest, from, to)) {
              const text = files.read(p);
              if (text !== undefined) texts[p] = text;
            }
            const w = new Worker(new URL('./verify-worker.ts', import.meta.url), {
              workerData: { files: texts, from, to },
            });
            w.on('message', (m: { progress?: number; outcome?: AttemptsOutcome }) => {
              if (m.progress !== undefined) {
                done[i] = m.progress;
                progress(
                  done.reduce((a, b) => a + b, 0),
                  total,
                );
              }
              if (m.outcome) resolve(m.outcome);
            });
            w.on('error', reject);
            w.on(
              'exit',
              (code) => code !== 0 && reject(new Error(`verifier worker ${i} exited with ${code}`)),
            );
          }),
      ),
    );
  };
}

/** How many attempts the manifest lists (0 when it cannot be read: verifyBundle reports that). */
function attemptCount(files: BundleFiles): number {
  try {
    const list = (JSON.parse(files.read('manifest.json') ?? '{}') as { attempts?: unknown } | null)?.attempts;
    return Array.isArray(list) ? list.length : 0;
  } catch {
    return 0;
  }
}

/** Exit code: 0 when everything verifies, 1 on any mismatch, 2 when the bundle cannot be read. */
export async function main(argv: string[]): Promise<number> {
  const path = argv.find((a) => !a.startsWith('--'));
  const jobsArg = argv.find((a) => a.startsWith('--jobs='));
  const jobs = jobsArg ? Math.max(1, Number.parseInt(jobsArg.slice(7), 10) || 1) : cpus().length;
  if (!path || argv.includes('--help')) {
    process.stderr.write('usage: seleksi-verify [--jobs=N] <bundle directory | bundle.json>\n');
    return 2;
  }
  let files: BundleFiles;
  try {
    files = openBundle(path);
  } catch (e) {
    process.stderr.write(`cannot read bundle: ${(e as Error).message}\n`);
    return 2;
  }
  let lastPct = -1;
  const onProgress = (done: number, total: number) => {
    const pct = Math.floor((done / total) * 100);
    if (total < 200 || pct === lastPct) return;
    lastPct = pct;
    const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
    process.stderr.write(`\r[${bar}] ${pct}% ${done}/${total} attempts${done === total ? '\n' : ''}`);
  };
  const attempts = attemptCount(files);
  let report: VerifyReport;
  try {
    report = await verifyBundle(
      files,
      jobs > 1 && (jobsArg !== undefined || attempts >= PARALLEL_FROM)
        ? { delegate: inWorkers(files, jobs, onProgress) }
        : { onProgress },
    );
  } catch (e) {
    // The verifier reports what it finds in the files; a throw here is a verifier bug, still not a stack trace.
    process.stderr.write(`cannot verify bundle: ${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${formatReport(report)}\n`);
  return report.mismatches.length === 0 ? 0 : 1;
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (isMainThread && invoked === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
