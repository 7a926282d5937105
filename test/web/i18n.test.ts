// i18n dictionaries: Bahasa Indonesia and English carry identical keys, no empty strings, same placeholders.
import { describe, expect, it } from 'vitest';
import { messages } from '../../functions/schemas/messages.ts';
import { en } from '../../web/i18n/en.ts';
import { errorMessage, translate } from '../../web/i18n/format.ts';
import { id } from '../../web/i18n/id.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('id and en have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it.each([
    ['id', id as Record<string, string>],
    ['en', en as Record<string, string>],
  ])('%s has no empty strings', (_lang, dict) => {
    const empty = Object.entries(dict).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('every key uses the same {placeholders} in both languages', () => {
    const ids = id as Record<string, string>;
    const ens = en as Record<string, string>;
    const mismatched = Object.keys(ids).filter(
      (k) => JSON.stringify(placeholders(ids[k] ?? '')) !== JSON.stringify(placeholders(ens[k] ?? '')),
    );
    expect(mismatched).toEqual([]);
  });

  it('interpolates parameters and maps error codes to the shared catalog in the UI language', () => {
    expect(translate('id', 'exam.question', { n: 3, total: 110 })).toBe('Soal 3 dari 110');
    expect(translate('en', 'exam.question', { n: 3, total: 110 })).toBe('Question 3 of 110');
    expect(errorMessage('id', 'WRONG_PIN')).toBe(messages.WRONG_PIN.id);
    expect(errorMessage('en', 'WRONG_PIN')).toBe('Wrong PIN.');
    expect(errorMessage('en', 'NETWORK')).toBe(messages.NETWORK.en);
    expect(errorMessage('id', 'SOMETHING_NEW')).toBeNull();
  });
});
