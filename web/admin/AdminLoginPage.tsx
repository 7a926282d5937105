// Staff login (admin, proctor): username + password -> token, then the sessions list.
import { type FormEvent, useState } from 'react';
import { adminApi } from '../api/admin.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { setStaff } from '../lib/auth.ts';
import { navigate, paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';

export function AdminLoginPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await adminApi.login({ username: username.trim(), password });
      setStaff({ token: res.token, role: res.role, name: res.name });
      navigate(paths.adminSessions);
    });
  }

  return (
    <Layout>
      <section className="card card-narrow">
        <PageTitle>{t('admin.login.title')}</PageTitle>
        <form onSubmit={onSubmit} className="form" noValidate>
          <ErrorAlert error={error} />
          <label className="field">
            <span>{t('admin.login.username')}</span>
            <input
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('admin.login.password')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={busy || !username || !password}
          >
            {t('admin.login.submit')}
          </button>
        </form>
        <p className="small">
          <a href={paths.candidateLogin}>{t('admin.login.candidateLink')}</a>
        </p>
      </section>
    </Layout>
  );
}
