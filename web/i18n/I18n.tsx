// Language context: current language (persisted, default Bahasa Indonesia), t(), and the <html lang> sync.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/errors.ts';
import { errorMessage, isLang, type Lang, type Params, translate } from './format.ts';
import type { MessageKey } from './id.ts';

const STORAGE_KEY = 'seleksi.lang';
/** Codes the web client makes up itself (their message is technical, not for users). */
const CLIENT_CODES = new Set(['NETWORK', 'BAD_RESPONSE', 'UNKNOWN']);

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
  /** Human text for any thrown error: known codes via the shared message catalog, else the server message. */
  errorText(err: unknown): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage unavailable: fall through to the default
  }
  return 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore: the choice simply is not remembered
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
    const errorText = (err: unknown): string => {
      const unknown = errorMessage(lang, 'UNKNOWN') ?? '';
      // A server error body carries the catalog's text for its exact reason (e.g. a candidate's wrong PIN, the
      // seconds to wait), already in the UI language (the client sends it as Accept-Language): show it as sent.
      if (err instanceof ApiError && !CLIENT_CODES.has(err.code) && err.message) return err.message;
      if (err instanceof ApiError) return errorMessage(lang, err.code) ?? (err.message || unknown);
      return unknown;
    };
    return { lang, setLang, t, errorText };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
