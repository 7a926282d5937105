#!/usr/bin/env node
// Verifier CLI: `npm run verify -- <bundle dir | bundle.json>`; imports only the domain (no server code).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FORMAT, type BundleFiles } from '../domain/bundle.ts';
import { type VerifyReport, verifyBundle } from '../domain/verify.ts';

/** A bundle directory (files by relative path) or a JSON archive {format, files: {path: text}}. */
export function openBundle(path: string): BundleFiles {
  if (statSync(path).isDirectory()) {
    const files = new Map<string, string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else files.set(relative(path, full).split(sep).join('/'), readFileSync(full, 'utf8'));
      }
    };
    walk(path);
    return { read: (p) => files.get(p) };
  }
  const archive = JSON.parse(readFileSync(path, 'utf8')) as {
    format?: string;
    files?: Record<string, string>;
  };
  if (archive.format !== BUNDLE_FORMAT || typeof archive.files !== 'object' || archive.files === null)
    throw new Error(`${path} is not a ${BUNDLE_FORMAT} archive`);
  const files = archive.files;
  return { read: (p) => (Object.hasOwn(files, p) ? files[p] : undefined) };
}

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

/** Exit code: 0 when everything verifies, 1 on any mismatch, 2 when the bundle cannot be read. */
export async function main(argv: string[]): Promise<number> {
  const path = argv[0];
  if (!path || argv.includes('--help')) {
    process.stderr.write('usage: seleksi-verify <bundle directory | bundle.json>\n');
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
  const report = await verifyBundle(files, {
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 100);
      if (total < 200 || pct === lastPct) return;
      lastPct = pct;
      const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
      process.stderr.write(`\r[${bar}] ${pct}% ${done}/${total} attempts${done === total ? '\n' : ''}`);
    },
  });
  process.stdout.write(`${formatReport(report)}\n`);
  return report.mismatches.length === 0 ? 0 : 1;
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
