// Date/time formatting for the staff console, in the UI language's locale.
import type { Lang } from '../i18n/format.ts';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

export const formatDateTime = (ms: number, lang: Lang) =>
  new Date(ms).toLocaleString(locale(lang), { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (ms: number, lang: Lang) =>
  new Date(ms).toLocaleTimeString(locale(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
