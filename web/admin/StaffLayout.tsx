// Staff page frame: the top bar with name/role/logout and the console navigation (entries in nav.ts) above the page.
import type { ReactNode } from 'react';
import { Layout } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { StaffAuth } from '../lib/auth.ts';
import { navFor } from './nav.ts';
import { StaffHeader } from './StaffHeader.tsx';

interface Props {
  staff: StaffAuth;
  onLogout(): void;
  children: ReactNode;
  /** Printable pages hide the navigation on paper. */
  wide?: boolean;
  /** Many-column dashboards (the room monitor) use up to 1,600 px. */
  full?: boolean;
}

export function StaffLayout({ staff, onLogout, children, wide = true, full = false }: Props) {
  return (
    <Layout
      header={<StaffHeader staff={staff} onLogout={onLogout} />}
      nav={<StaffNav staff={staff} />}
      wide={wide}
      full={full}
    >
      {children}
    </Layout>
  );
}

export function StaffNav({ staff }: { staff: StaffAuth }) {
  const { t } = useI18n();
  const here = typeof window === 'undefined' ? '' : window.location.hash;
  const entries = navFor(staff.role);
  // the longest entry that prefixes the current hash is the current page
  const current = entries
    .filter((e) => here === e.href || here.startsWith(`${e.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav className="staff-nav no-print" aria-label={t('admin.nav.label')}>
      <ul>
        {entries.map((e) => (
          <li key={e.href}>
            <a href={e.href} aria-current={e === current ? 'page' : undefined}>
              {t(e.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
