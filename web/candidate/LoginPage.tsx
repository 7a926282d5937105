// Candidate login: registration number + session PIN -> token, then on to the exam page.
import { type FormEvent, useState } from 'react';
import { candidateApi } from '../api/candidate.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { setCandidate } from '../lib/auth.ts';
import { navigate, paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { keepBrief } from './brief.ts';
import { handOffUnstarted } from './loginHandoff.ts';

export function LoginPage() {
  const { t } = useI18n();
  const [regNo, setRegNo] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await candidateApi.login({ regNo: regNo.trim(), pin: pin.trim() });
      setCandidate({
        token: res.token,
        attemptId: res.attemptId,
        sessionId: res.sessionId,
        name: res.name,
        ...(res.readOnly ? { readOnly: true } : {}),
        ...(res.started !== undefined ? { started: res.started } : {}),
      });
      // An unstarted attempt: the answer carried the start screen's facts, so the exam page asks for nothing.
      if (res.started === false && res.brief?.attemptId === res.attemptId) {
        keepBrief(res.brief);
        handOffUnstarted(res.attemptId);
      }
      // After the session closed the login is read-only: straight to the result and the appeal.
      navigate(res.readOnly ? paths.result : paths.exam);
    });
  }

  return (
    <Layout>
      <section className="card card-narrow">
        <PageTitle>{t('candidate.login.title')}</PageTitle>
        <p className="muted">{t('candidate.login.intro')}</p>
        <form onSubmit={onSubmit} className="form" noValidate>
          <ErrorAlert error={error} />
          <label className="field">
            <span>{t('candidate.login.regNo')}</span>
            <input
              name="regNo"
              autoComplete="username"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={regNo}
              onChange={(e) => setRegNo(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('candidate.login.pin')}</span>
            <input
              name="pin"
              type="password"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          </label>
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={busy || !regNo || pin.length !== 6}
          >
            {busy ? t('candidate.login.busy') : t('candidate.login.submit')}
          </button>
        </form>
        <p className="small">
          <a href={paths.adminLogin}>{t('candidate.login.staffLink')}</a>
        </p>
      </section>
    </Layout>
  );
}
