// Pure message lookup and {placeholder} interpolation over the typed dictionaries.
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
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

/** The dictionary key for an API error code, if the UI has a translation for it. */
export function errorKey(code: string): MessageKey | null {
  const key = `error.${code}`;
  return key in id ? (key as MessageKey) : null;
}

export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';
