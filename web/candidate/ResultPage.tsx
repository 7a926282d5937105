// Result page: section scores, total, pass/fail and the receipt hash; finalizes a timed-out attempt.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { AttemptBrief, AttemptEnd, ResultView } from '../../functions/schemas/candidate.ts';
import { candidateApi } from '../api/candidate.ts';
import { ApiError } from '../api/errors.ts';
import { psychApi } from '../api/psych.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { type CandidateAuth, getCandidate, setCandidate } from '../lib/auth.ts';
import { navigate, paths } from '../lib/router.ts';
import { AppealSection } from './AppealSection.tsx';
import { clearBrief, storedBrief } from './brief.ts';
import { forgetAttempt } from './deviceStore.ts';
import { clearQueue } from './queue.ts';
import { EndedNotice, ResultSlip } from './ResultSlip.tsx';
import { takeEnd, takeResult } from './resultCache.ts';

/** Sections of the psych battery preset (domain/psych/preset.ts): their result links to the psych report. */
const PSYCH_SECTIONS = new Set(['INVENTORI', 'KRAEPELIN']);
/** The psych report carries uPlot: loaded only when opened (the token stays in memory, not on the device). */
const PsychReport = lazy(() => import('./psych/PsychReport.tsx').then((m) => ({ default: m.PsychReport })));
const AUTO_RETRIES = 12;
const AUTO_RETRY_MS = 5_000;

export function ResultPage() {
  // Read once: a fresh object per render would restart the loaders (e.g. on a language switch).
  const [auth] = useState(getCandidate);
  useEffect(() => {
    if (!auth) navigate(paths.candidateLogin, true);
  }, [auth]);
  return auth ? <ResultLoader auth={auth} /> : null;
}

/** Fetches the result; if the attempt ran out of time but is not finalized yet, asks the server to finalize. */
async function fetchResult(auth: CandidateAuth): Promise<ResultView | 'running'> {
  let state: Awaited<ReturnType<typeof candidateApi.state>>;
  try {
    state = await candidateApi.state(auth.token, auth.attemptId);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'NOT_STARTED') return 'running';
    throw err;
  }
  if (
    state.state === 'ready' ||
    ((state.state === 'running' || state.state === 'paused') && (state.remainingMs ?? 1) > 0)
  ) {
    return 'running';
  }
  try {
    return await candidateApi.result(auth.token, auth.attemptId);
  } catch (err) {
    if (state.state === 'submitted') throw err;
    try {
      return await candidateApi.submit(auth.token, auth.attemptId);
    } catch (submitErr) {
      if (submitErr instanceof ApiError && submitErr.status === 409)
        return candidateApi.result(auth.token, auth.attemptId);
      throw submitErr;
    }
  }
}

function ResultLoader({ auth }: { auth: CandidateAuth }) {
  const { t } = useI18n();
  const [result, setResult] = useState<ResultView | null>(() => takeResult(auth.attemptId));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [brief] = useState<AttemptBrief | null>(() => storedBrief(auth.attemptId));
  const [ended, setEnded] = useState<AttemptEnd | null>(() => takeEnd(auth.attemptId));
  const [showReport, setShowReport] = useState(false);

  // Once the result is here, how the attempt ended (a proctor's reason), then nothing of the exam stays on
  // this shared computer: queue, brief, position and the token go (the page keeps what it shows in memory).
  useEffect(() => {
    if (!result) return;
    let live = true;
    candidateApi
      .signal(auth.token, auth.attemptId)
      .then((s) => {
        if (live && s.ended) setEnded(s.ended);
      })
      .catch(() => undefined)
      .finally(() => clearDevice(auth.attemptId));
    return () => {
      live = false;
    };
  }, [result, auth]);

  const load = useCallback(() => {
    setBusy(true);
    setError(null);
    fetchResult(auth)
      .then((r) => {
        if (r === 'running') navigate(paths.exam, true);
        else setResult(r);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  }, [auth]);

  useEffect(() => {
    if (!result) load();
  }, [result, load]);

  // Right after time-up the server may still be inside its grace window: retry quietly for a while.
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    if (result || !error || busy || retries >= AUTO_RETRIES) return;
    if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) return;
    const timer = setTimeout(() => {
      setRetries((n) => n + 1);
      load();
    }, AUTO_RETRY_MS);
    return () => clearTimeout(timer);
  }, [result, error, busy, retries, load]);

  function logout() {
    clearDevice(auth.attemptId);
    navigate(paths.candidateLogin);
  }

  const header = (
    <div className="exam-header">
      <span className="who">{auth.name}</span>
      <button type="button" className="btn btn-small" onClick={logout}>
        {t('common.logout')}
      </button>
    </div>
  );

  if (!result) {
    return (
      <Layout header={header}>
        <section className="card card-narrow">
          <PageTitle>{error ? t('exam.timeup.title') : t('result.title')}</PageTitle>
          <EndedNotice ended={ended} />
          {error ? (
            <>
              <ErrorAlert error={error} />
              <button type="button" className="btn" onClick={load} disabled={busy}>
                {t('common.retry')}
              </button>
            </>
          ) : (
            <p aria-busy="true">{t('common.loading')}</p>
          )}
        </section>
      </Layout>
    );
  }

  return (
    <Layout header={header}>
      {auth.readOnly && (
        <output className="alert" data-testid="read-only">
          {t('appeal.readOnly')}
        </output>
      )}
      <ResultSlip result={result} name={auth.name} brief={brief} ended={ended} />
      <AppealSection token={auth.token} attemptId={auth.attemptId} />
      {result.sections.some((s) => PSYCH_SECTIONS.has(s.id)) &&
        (showReport ? (
          <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
            <PsychReport load={() => psychApi.report(auth.token, auth.attemptId)} name={auth.name} />
          </Suspense>
        ) : (
          <p>
            <button type="button" className="btn" onClick={() => setShowReport(true)}>
              {t('psych.report.link')}
            </button>
          </p>
        ))}
    </Layout>
  );
}

/** Removes the attempt's traces from this device: queue, brief, position and the login token. */
export function clearDevice(attemptId: string): void {
  clearQueue(localStorage, attemptId);
  forgetAttempt(attemptId).catch(() => undefined);
  clearBrief(attemptId);
  try {
    sessionStorage.removeItem(`seleksi.pos.${attemptId}`);
  } catch {
    // nothing to do
  }
  setCandidate(null);
}
