// The result page's appeal (sanggahan) section: the window, the form while it is open, the appeal and its answer.
import { type FormEvent, useEffect, useState } from 'react';
import type { AppealView } from '../../functions/schemas/appeals.ts';
import { candidateApi } from '../api/candidate.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';

interface Window {
  appeal: AppealView | null;
  fileUntil: number;
  answerBy: number;
  canFile: boolean;
}

const when = (ms: number, lang: 'id' | 'en') =>
  new Date(ms).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function AppealSection({ token, attemptId }: { token: string; attemptId: string }) {
  const { t, lang } = useI18n();
  const [info, setInfo] = useState<Window | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();

  useEffect(() => {
    candidateApi.appeal(token, attemptId).then(setInfo).catch(setLoadError);
  }, [token, attemptId]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await candidateApi.fileAppeal(token, attemptId, text.trim());
      setInfo((i) => (i ? { ...i, appeal: res.appeal, canFile: false } : i));
    });
  }

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!info) return null;
  const a = info.appeal;
  return (
    <section className="card appeal no-print" aria-labelledby="appeal-title" data-testid="appeal">
      <h2 id="appeal-title">{t('appeal.title')}</h2>
      {a ? (
        <>
          <p>
            {t('appeal.filed', { at: when(a.filedAt, lang) })}{' '}
            <span className={`pill pill-appeal-${a.status}`} data-testid="appeal-status">
              {t(`appeal.status.${a.status}`)}
            </span>
          </p>
          <blockquote className="appeal-text">{a.text}</blockquote>
          {a.resolution && (
            <p data-testid="appeal-answer">
              {t('appeal.answer', { at: when(a.resolution.at, lang), reason: a.resolution.reason })}
            </p>
          )}
        </>
      ) : info.canFile ? (
        <form className="form" onSubmit={submit}>
          <p className="muted">
            {t('appeal.intro', { until: when(info.fileUntil, lang), answerBy: when(info.answerBy, lang) })}
          </p>
          <label className="field">
            <span>{t('appeal.text')}</span>
            <textarea
              name="appeal"
              required
              minLength={10}
              maxLength={2000}
              rows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <ErrorAlert error={error} />
          <div>
            <button type="submit" className="btn btn-primary" disabled={busy || text.trim().length < 10}>
              {t('appeal.submit')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('appeal.closed', { until: when(info.fileUntil, lang) })}</p>
      )}
    </section>
  );
}
