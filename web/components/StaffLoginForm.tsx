// The one staff sign-in form (admin, proctor, auditor): username + password -> a stored staff token.
import { type FormEvent, type ReactNode, useState } from 'react';
import type { StaffLoginBody } from '../../functions/schemas/staff.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { type StaffAuth, setStaff } from '../lib/auth.ts';
import { useAction } from '../lib/useAction.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Layout, PageTitle } from './Layout.tsx';

type LoginResponse = { token: string; role: StaffAuth['role']; name: string };

export function StaffLoginForm({
  title,
  login,
  onIn,
  footer,
}: {
  title: string;
  login: (body: StaffLoginBody) => Promise<LoginResponse>;
  onIn: (auth: StaffAuth) => void;
  footer?: ReactNode;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await login({ username: username.trim(), password });
      const auth = { token: res.token, role: res.role, name: res.name };
      setStaff(auth);
      onIn(auth);
    });
  }

  return (
    <Layout>
      <section className="card card-narrow">
        <PageTitle>{title}</PageTitle>
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
        {footer}
      </section>
    </Layout>
  );
}
