// How the verifier reads a bundle's files: JSON of the expected top-level shape, and a guard that turns a file
// whose content is not of the bundle's format into a mismatch naming that file instead of a thrown error.
import type { BundleFiles } from './bundle.ts';

type Fail = (subject: string, what: string, expected: unknown, found: unknown) => void;

/** The readers verify.ts hands to every step (also through CheckContext). */
export interface BundleReader {
  /** The file parsed; a missing file, invalid JSON, or a top level of another shape -> a mismatch, undefined. */
  json<T>(path: string, shape?: 'object' | 'array'): T | undefined;
  /** fn(); when it throws (a field of the wrong type, say) -> a mismatch naming `path`, undefined. */
  guard<R>(path: string, fn: () => R): R | undefined;
  /** The same for an async check. */
  guardAsync<R>(path: string, fn: () => Promise<R>): Promise<R | undefined>;
}

const shapeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function bundleReader(files: BundleFiles, fail: Fail): BundleReader {
  const malformed = (path: string, e: unknown) =>
    fail(path, 'content', 'a well-formed bundle file', e instanceof Error ? e.message : String(e));
  return {
    json<T>(path: string, shape: 'object' | 'array' = 'object'): T | undefined {
      const text = files.read(path);
      if (text === undefined) {
        fail(path, 'file', 'present', undefined);
        return undefined;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        fail(path, 'JSON', 'valid JSON', (e as Error).message);
        return undefined;
      }
      if (shapeOf(value) !== shape) {
        fail(path, 'JSON', `a JSON ${shape}`, `a JSON ${shapeOf(value)}`);
        return undefined;
      }
      return value as T;
    },
    guard<R>(path: string, fn: () => R): R | undefined {
      try {
        return fn();
      } catch (e) {
        malformed(path, e);
        return undefined;
      }
    },
    async guardAsync<R>(path: string, fn: () => Promise<R>): Promise<R | undefined> {
      try {
        return await fn();
      } catch (e) {
        malformed(path, e);
        return undefined;
      }
    },
  };
}
