// Canonical JSON: object keys sorted by UTF-16 code units, no whitespace (RFC 8785 for JSON-safe values).
import { DomainError } from './errors.ts';

/**
 * Serializes plain data deterministically: objects with keys sorted (code-unit order), undefined members
 * omitted, arrays in order, strings and numbers as JSON.stringify writes them (which matches RFC 8785 for
 * finite numbers). Non-finite numbers, bigints, functions and symbols -> DomainError VALIDATION.
 * Hot path of the verifier (every step of every log is hashed through it): string building without
 * intermediate arrays, and the key sort skipped when the keys already come in order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new DomainError('VALIDATION', `non-finite number ${value} in canonical JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          out += (i === 0 ? '' : ',') + (v === undefined ? 'null' : canonicalJson(v));
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (let i = 1; i < keys.length; i++)
        if ((keys[i - 1] as string) > (keys[i] as string)) {
          keys.sort();
          break;
        }
      let out = '{';
      for (const key of keys) {
        const v = obj[key];
        if (v === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw new DomainError('VALIDATION', `cannot serialize ${typeof value} as canonical JSON`);
  }
}
