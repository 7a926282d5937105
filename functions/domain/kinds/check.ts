// Zod-free field checks shared by the item kinds' shape checks (domain invariants, not API limits).
import type { ItemOption } from '../items.ts';

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Options: a non-empty array of { id, text[, image] } with distinct non-empty string ids and texts.
 * Returns the options with exactly those fields, or pushes problems and returns undefined.
 */
export function checkOptions(value: unknown, problems: string[]): ItemOption[] | undefined {
  if (!Array.isArray(value) || value.length < 2) {
    problems.push('options: at least 2 options');
    return undefined;
  }
  const out: ItemOption[] = [];
  const before = problems.length;
  const ids = new Set<string>();
  value.forEach((o, i) => {
    if (!isObject(o) || !nonEmptyString(o.id) || !nonEmptyString(o.text)) {
      problems.push(`options.${i}: needs a non-empty id and text`);
      return;
    }
    if (o.image !== undefined && !nonEmptyString(o.image)) problems.push(`options.${i}.image: not a string`);
    if (ids.has(o.id)) problems.push(`options: duplicate option id ${o.id}`);
    ids.add(o.id);
    out.push(
      nonEmptyString(o.image) ? { id: o.id, text: o.text, image: o.image } : { id: o.id, text: o.text },
    );
  });
  return problems.length > before ? undefined : out;
}

export const positiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
