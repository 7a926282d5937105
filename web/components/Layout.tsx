// Page frame: skip link, top bar (brand, optional extra content, language switch) and the main landmark.
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface Props {
  children: ReactNode;
  /** Extra header content (candidate name, timer, logout). */
  header?: ReactNode;
  /** A navigation bar under the top bar (the staff console's). */
  nav?: ReactNode;
  wide?: boolean;
  /** Dashboards with many columns (the room monitor): up to 1,600 px instead of 1,200. */
  full?: boolean;
}

export function Layout({ children, header, nav, wide, full }: Props) {
  const { t } = useI18n();
  return (
    <>
      {/* A button, not href="#main": the hash belongs to the router. */}
      <button type="button" className="skip-link" onClick={focusMain}>
        {t('app.skip')}
      </button>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span>Seleksi</span>
        </div>
        <div className="topbar-extra">{header}</div>
        <LanguageSwitch />
      </header>
      {nav}
      <main
        id="main"
        tabIndex={-1}
        className={full ? 'page page-wide page-full' : wide ? 'page page-wide' : 'page'}
      >
        {children}
      </main>
    </>
  );
}

function focusMain() {
  document.getElementById('main')?.focus();
}

/** Moves focus to the page heading on mount, so screen readers announce the new page. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
