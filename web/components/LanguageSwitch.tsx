// ID/EN language switch shown on every page.
import { LANGS } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18n.tsx';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t('lang.label')}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'lang-btn active' : 'lang-btn'}
          aria-pressed={l === lang}
          lang={l}
          title={t(l === 'id' ? 'lang.id' : 'lang.en')}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
