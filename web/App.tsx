// Root component: language provider and the hash-route switch between candidate and staff pages.

import { lazy, Suspense } from 'react';
import { messages } from '../functions/schemas/messages.ts';
import { ExamPage } from './candidate/ExamPage.tsx';
import { LoginPage } from './candidate/LoginPage.tsx';
import { ResultPage } from './candidate/ResultPage.tsx';
import { Layout, PageTitle } from './components/Layout.tsx';
import { I18nProvider, useI18n } from './i18n/I18n.tsx';
import { paths, type Route, useRoute } from './lib/router.ts';

// Staff screens load on demand: their code stays off the candidate's exam page (budget: ≤ 150 KB gzip).
const AdminLoginPage = lazy(() =>
  import('./admin/AdminLoginPage.tsx').then((m) => ({ default: m.AdminLoginPage })),
);
const SessionsPage = lazy(() =>
  import('./admin/SessionsPage.tsx').then((m) => ({ default: m.SessionsPage })),
);
const AppealsPage = lazy(() => import('./admin/AppealsPage.tsx').then((m) => ({ default: m.AppealsPage })));
const RoomMonitorPage = lazy(() =>
  import('./admin/RoomMonitorPage.tsx').then((m) => ({ default: m.RoomMonitorPage })),
);

const PinCardsPage = lazy(() =>
  import('./admin/PinCardsPage.tsx').then((m) => ({ default: m.PinCardsPage })),
);
const RegistryPage = lazy(() =>
  import('./admin/RegistryPage.tsx').then((m) => ({ default: m.RegistryPage })),
);
const StaffAccountsPage = lazy(() =>
  import('./admin/StaffAccountsPage.tsx').then((m) => ({ default: m.StaffAccountsPage })),
);
const ExamsPage = lazy(() => import('./admin/ExamsPage.tsx').then((m) => ({ default: m.ExamsPage })));
const ExamDetailPage = lazy(() =>
  import('./admin/ExamDetailPage.tsx').then((m) => ({ default: m.ExamDetailPage })),
);
const BanksPage = lazy(() => import('./admin/BanksPage.tsx').then((m) => ({ default: m.BanksPage })));
const BankPreviewPage = lazy(() =>
  import('./admin/BankPreviewPage.tsx').then((m) => ({ default: m.BankPreviewPage })),
);
const SkbPage = lazy(() => import('./admin/SkbPage.tsx').then((m) => ({ default: m.SkbPage })));
const RegradePage = lazy(() => import('./admin/RegradePage.tsx').then((m) => ({ default: m.RegradePage })));
const AuditLogPage = lazy(() =>
  import('./admin/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })),
);
const RosterPage = lazy(() => import('./admin/RosterPage.tsx').then((m) => ({ default: m.RosterPage })));
const ResultsPage = lazy(() => import('./admin/ResultsPage.tsx').then((m) => ({ default: m.ResultsPage })));
const ItemStatsPage = lazy(() =>
  import('./admin/ItemStatsPage.tsx').then((m) => ({ default: m.ItemStatsPage })),
);

// Public and auditor pages load on demand too (schemas, Merkle check): off the exam page.
const RankingPage = lazy(() => import('./public/RankingPage.tsx').then((m) => ({ default: m.RankingPage })));
const ScoreboardPage = lazy(() =>
  import('./public/ScoreboardPage.tsx').then((m) => ({ default: m.ScoreboardPage })),
);
// Staff psych screens (admins and auditors) carry uPlot: loaded only when opened.
const PsychIndexPage = lazy(() =>
  import('./admin/PsychIndexPage.tsx').then((m) => ({ default: m.PsychIndexPage })),
);
const PsychReportPage = lazy(() =>
  import('./admin/PsychReportPage.tsx').then((m) => ({ default: m.PsychReportPage })),
);
const AuditorPage = lazy(() => import('./auditor/AuditorPage.tsx').then((m) => ({ default: m.AuditorPage })));

export function App() {
  return (
    <I18nProvider>
      <Routes />
    </I18nProvider>
  );
}

function Routes() {
  const route = useRoute();
  return (
    <Suspense fallback={null}>
      <Page route={route} />
    </Suspense>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'candidateLogin':
      return <LoginPage />;
    case 'exam':
      return <ExamPage />;
    case 'result':
      return <ResultPage />;
    case 'adminLogin':
      return <AdminLoginPage />;
    case 'adminSessions':
      return <SessionsPage />;
    case 'adminAttempts':
      return <RoomMonitorPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'scoreboard':
      return <ScoreboardPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'adminPins':
      return <PinCardsPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'adminSkb':
      return <SkbPage />;
    case 'adminRegrade':
      return <RegradePage />;
    case 'adminRegistry':
      return <RegistryPage />;
    case 'adminAppeals':
      return <AppealsPage />;
    case 'adminStaff':
      return <StaffAccountsPage />;
    case 'adminExams':
      return <ExamsPage />;
    case 'adminExam':
      return <ExamDetailPage key={route.examId} examId={route.examId} />;
    case 'adminBanks':
      return <BanksPage />;
    case 'adminBankPreview':
      return (
        <BankPreviewPage
          key={`${route.bankId}/${route.snapshotId ?? ''}`}
          bankId={route.bankId}
          snapshotId={route.snapshotId}
        />
      );
    case 'adminAudit':
      return <AuditLogPage />;
    case 'adminRoster':
      return <RosterPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'adminResults':
      return <ResultsPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'adminFormationResults':
      return <ResultsPage key={route.formationId} formationId={route.formationId} />;
    case 'adminItemStats':
      return <ItemStatsPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'auditor':
      return <AuditorPage />;
    case 'psychIndex':
      return <PsychIndexPage />;
    case 'psychReport':
      return <PsychReportPage key={route.attemptId} attemptId={route.attemptId} />;
    case 'ranking':
      return <RankingPage key={route.publicationId} publicationId={route.publicationId} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t, lang } = useI18n();
  return (
    <Layout>
      <section className="card card-narrow">
        <PageTitle>{messages.ROUTE_NOT_FOUND[lang]}</PageTitle>
        <a href={paths.candidateLogin}>{t('common.back')}</a>
      </section>
    </Layout>
  );
}
