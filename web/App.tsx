// Root component: language provider and the hash-route switch between candidate and staff pages.

import { messages } from '../functions/schemas/messages.ts';
import { AdminLoginPage } from './admin/AdminLoginPage.tsx';
import { AttemptsPage } from './admin/AttemptsPage.tsx';
import { SessionsPage } from './admin/SessionsPage.tsx';
import { ExamPage } from './candidate/ExamPage.tsx';
import { LoginPage } from './candidate/LoginPage.tsx';
import { ResultPage } from './candidate/ResultPage.tsx';
import { Layout, PageTitle } from './components/Layout.tsx';
import { I18nProvider, useI18n } from './i18n/I18n.tsx';
import { paths, type Route, useRoute } from './lib/router.ts';
import { RankingPage } from './public/RankingPage.tsx';

export function App() {
  return (
    <I18nProvider>
      <Routes />
    </I18nProvider>
  );
}

function Routes() {
  const route = useRoute();
  return <Page route={route} />;
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
      return <AttemptsPage key={route.sessionId} sessionId={route.sessionId} />;
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
