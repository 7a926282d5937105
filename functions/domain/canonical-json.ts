// Canonical JSON: object keys sorted by UTF-16 code units, no whitespace (RFC 8785 for JSON-safe values).
import { DomainError } from './errors.ts';

/**
 * Serializes plain data deterministically: objects with keys sorted (code-unit order), undefined members
 * omitted, arrays in order, strings and numbers as JSON.stringify writes them (which matches RFC 8785 for
 * finite numbers). Non-finite numbers, bigints, functions and symbols -> DomainError VALIDATION.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new DomainError('VALIDATION', `non-finite number ${value} in canonical JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const v = obj[key];
        if (v === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new DomainError('VALIDATION', `cannot serialize ${typeof value} as canonical JSON`);
  }
}
