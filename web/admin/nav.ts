// The staff console's navigation: one entry per screen, with the roles that see it (add yours, keep the others).
import type { MessageKey } from '../i18n/id.ts';
import type { StaffAuth } from '../lib/auth.ts';
import { paths } from '../lib/router.ts';

export interface NavEntry {
  href: string;
  label: MessageKey;
  roles: readonly StaffAuth['role'][];
}

export const NAV: readonly NavEntry[] = [
  { href: paths.adminSessions, label: 'admin.nav.sessions', roles: ['admin', 'proctor'] },
  { href: paths.adminRegistry, label: 'admin.nav.registry', roles: ['admin'] },
  { href: paths.adminStaff, label: 'admin.nav.staff', roles: ['admin'] },
  { href: paths.adminExams, label: 'admin.nav.exams', roles: ['admin'] },
  { href: paths.adminBanks, label: 'admin.nav.banks', roles: ['admin'] },
  { href: paths.adminAudit, label: 'admin.nav.audit', roles: ['admin'] },
  { href: paths.psychIndex, label: 'admin.nav.psych', roles: ['admin', 'auditor'] },
  { href: paths.adminSkb, label: 'admin.nav.skb', roles: ['admin'] },
  { href: paths.adminRegrade, label: 'admin.nav.regrade', roles: ['admin'] },
  { href: paths.adminAppeals, label: 'admin.nav.appeals', roles: ['admin'] },
];

export const navFor = (role: StaffAuth['role']) => NAV.filter((e) => e.roles.includes(role));
