// Opens an audit bundle for the verifier: a directory of files or a JSON archive {format, files}.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { BUNDLE_FORMAT, type BundleFiles } from '../domain/bundle.ts';

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
