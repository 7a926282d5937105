// Opens an audit bundle for the verifier: a directory of files or a JSON archive {format, files}.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_FORMAT, type BundleFiles } from '../domain/bundle.ts';

/** A bundle path is relative, forward slashes, no `..` or empty segment (a manifest cannot point outside). */
const safe = (p: string): boolean =>
  p.length > 0 && !p.startsWith('/') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

/**
 * A bundle directory (files read when asked for, by relative path) or a JSON archive
 * {format, files: {path: text}}.
 */
export function openBundle(path: string): BundleFiles {
  if (statSync(path).isDirectory())
    return {
      read: (p) => {
        if (!safe(p)) return undefined;
        const full = join(path, ...p.split('/'));
        return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
      },
    };
  let archive: { format?: string; files?: Record<string, string> } | null;
  try {
    archive = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path} is not JSON (${(e as Error).message})`);
  }
  if (archive?.format !== BUNDLE_FORMAT || typeof archive.files !== 'object' || archive.files === null)
    throw new Error(`${path} is not a ${BUNDLE_FORMAT} archive`);
  const files = archive.files;
  return { read: (p) => (Object.hasOwn(files, p) ? files[p] : undefined) };
}
