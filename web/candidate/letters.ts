// Option letters (A–E … in displayed order) and the letter of a chosen option, for the panel and the grid.
import type { PublicItem } from '../../functions/schemas/candidate.ts';

export const LETTERS = 'ABCDEFGHIJ';
/** Likert items without options answer '1'..'5'. */
export const LIKERT = ['1', '2', '3', '4', '5'] as const;

export const letterAt = (i: number) => LETTERS[i] ?? String(i + 1);

/** The letter shown for a choice: its position among the options, or the Likert value itself. */
export function choiceLetter(item: Pick<PublicItem, 'options'>, choice: string | null): string {
  if (choice === null) return '';
  if (item.options.length === 0) return choice;
  const i = item.options.findIndex((o) => o.id === choice);
  return i < 0 ? '?' : letterAt(i);
}

/** The option id a shortcut key picks (A–E or 1–5 by displayed position), or null. */
export function choiceForKey(item: Pick<PublicItem, 'options' | 'kind'>, key: string): string | null {
  const k = key.toUpperCase();
  let i = LETTERS.indexOf(k);
  if (i < 0 || k.length !== 1) i = /^[1-9]$/.test(k) ? Number(k) - 1 : -1;
  if (i < 0) return null;
  if (item.options.length > 0) return item.options[i]?.id ?? null;
  return item.kind === 'likert' ? (LIKERT[i] ?? null) : null;
}
