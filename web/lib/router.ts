// Tiny hash router: parses location.hash into a typed route and re-renders on hashchange.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'candidateLogin' }
  | { name: 'exam' }
  | { name: 'result' }
  | { name: 'adminLogin' }
  | { name: 'adminSessions' }
  | { name: 'adminAttempts'; sessionId: string }
  | { name: 'adminPins'; sessionId: string }
  | { name: 'adminRegistry' }
  | { name: 'adminStaff' }
  | { name: 'adminExams' }
  | { name: 'adminExam'; examId: string }
  | { name: 'adminBanks' }
  | { name: 'adminBankPreview'; bankId: string; snapshotId?: string }
  | { name: 'adminAudit' }
  | { name: 'adminSkb' }
  | { name: 'adminRegrade' }
  | { name: 'adminAppeals' }
  | { name: 'adminRoster'; sessionId: string }
  | { name: 'adminResults'; sessionId: string }
  | { name: 'adminItemStats'; sessionId: string }
  | { name: 'adminFormationResults'; formationId: string }
  | { name: 'ranking'; publicationId: string }
  | { name: 'auditor' }
  | { name: 'psychIndex' }
  | { name: 'psychReport'; attemptId: string }
  | { name: 'scoreboard'; sessionId: string }
  | { name: 'notFound' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const [a, b, c] = parts;
  if (parts.length === 0) return { name: 'candidateLogin' };
  if (a === 'exam' && parts.length === 1) return { name: 'exam' };
  if (a === 'result' && parts.length === 1) return { name: 'result' };
  if (a === 'scoreboard' && b && parts.length === 2)
    return { name: 'scoreboard', sessionId: decodeURIComponent(b) };
  if (a === 'auditor' && parts.length === 1) return { name: 'auditor' };
  if (a === 'psych' && parts.length === 1) return { name: 'psychIndex' };
  if (a === 'psych' && b && parts.length === 2)
    return { name: 'psychReport', attemptId: decodeURIComponent(b) };
  if (a === 'ranking' && b && parts.length === 2)
    return { name: 'ranking', publicationId: decodeURIComponent(b) };
  if (a === 'admin') {
    if (!b) return { name: 'adminLogin' };
    if (b === 'sessions' && !c) return { name: 'adminSessions' };
    if (b === 'registry' && !c) return { name: 'adminRegistry' };
    if (b === 'staff' && !c) return { name: 'adminStaff' };
    if (b === 'exams' && !c) return { name: 'adminExams' };
    if (b === 'exams' && c && parts.length === 3) return { name: 'adminExam', examId: decodeURIComponent(c) };
    if (b === 'banks' && !c) return { name: 'adminBanks' };
    if (b === 'banks' && c && parts[3] === 'preview' && (parts.length === 4 || parts.length === 5))
      return {
        name: 'adminBankPreview',
        bankId: decodeURIComponent(c),
        ...(parts[4] ? { snapshotId: decodeURIComponent(parts[4]) } : {}),
      };
    if (b === 'audit' && !c) return { name: 'adminAudit' };
    if (b === 'skb' && !c) return { name: 'adminSkb' };
    if (b === 'regrade' && !c) return { name: 'adminRegrade' };
    if (b === 'appeals' && !c) return { name: 'adminAppeals' };
    if (b === 'formations' && c && parts[3] === 'results' && parts.length === 4)
      return { name: 'adminFormationResults', formationId: decodeURIComponent(c) };
    const sessionPage = { roster: 'adminRoster', results: 'adminResults', items: 'adminItemStats' } as const;
    const sub = parts[3] as keyof typeof sessionPage | undefined;
    if (b === 'sessions' && c && sub && Object.hasOwn(sessionPage, sub) && parts.length === 4)
      return { name: sessionPage[sub], sessionId: decodeURIComponent(c) };
    if (b === 'sessions' && c && parts[3] === 'pins' && parts.length === 4)
      return { name: 'adminPins', sessionId: decodeURIComponent(c) };
    if (b === 'sessions' && c && parts.length === 3)
      return { name: 'adminAttempts', sessionId: decodeURIComponent(c) };
  }
  return { name: 'notFound' };
}

export const paths = {
  candidateLogin: '#/',
  exam: '#/exam',
  result: '#/result',
  adminLogin: '#/admin',
  adminSessions: '#/admin/sessions',
  auditor: '#/auditor',
  psychIndex: '#/psych',
  psychReport: (attemptId: string) => `#/psych/${encodeURIComponent(attemptId)}`,
  scoreboard: (sessionId: string) => `#/scoreboard/${encodeURIComponent(sessionId)}`,
  ranking: (publicationId: string) => `#/ranking/${encodeURIComponent(publicationId)}`,
  adminAttempts: (sessionId: string) => `#/admin/sessions/${encodeURIComponent(sessionId)}`,
  adminPins: (sessionId: string) => `#/admin/sessions/${encodeURIComponent(sessionId)}/pins`,
  adminRegistry: '#/admin/registry',
  adminSkb: '#/admin/skb',
  adminRegrade: '#/admin/regrade',
  adminStaff: '#/admin/staff',
  adminExams: '#/admin/exams',
  adminExam: (examId: string) => `#/admin/exams/${encodeURIComponent(examId)}`,
  adminBanks: '#/admin/banks',
  adminBankPreview: (bankId: string, snapshotId?: string) =>
    `#/admin/banks/${encodeURIComponent(bankId)}/preview${snapshotId ? `/${encodeURIComponent(snapshotId)}` : ''}`,
  adminAudit: '#/admin/audit',
  adminAppeals: '#/admin/appeals',
  adminRoster: (sessionId: string) => `#/admin/sessions/${encodeURIComponent(sessionId)}/roster`,
  adminResults: (sessionId: string) => `#/admin/sessions/${encodeURIComponent(sessionId)}/results`,
  adminItemStats: (sessionId: string) => `#/admin/sessions/${encodeURIComponent(sessionId)}/items`,
  adminFormationResults: (formationId: string) =>
    `#/admin/formations/${encodeURIComponent(formationId)}/results`,
};

export function navigate(hash: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    // A child's mount effect may have navigated before this listener existed (effects run child-first).
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
