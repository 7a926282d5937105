// Pure message lookup and {placeholder} interpolation over the typed dictionaries; error texts from the shared catalog.
import { LANGS, type Lang, messageOf } from '../../functions/schemas/messages.ts';
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

export type { Lang };
export { LANGS };
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The catalog's text for an error code (API or client), in the UI language; null for a code it does not know. */
export function errorMessage(lang: Lang, code: string): string | null {
  return messageOf(code, lang) ?? null;
}

export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';
