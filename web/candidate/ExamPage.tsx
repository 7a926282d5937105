// Exam page loader: reads the attempt state, offers Start when ready, then loads the form into ExamView.
import { useCallback, useEffect, useState } from 'react';
import type { AttemptBrief, AttemptStateView, PublicForm } from '../../functions/schemas/candidate.ts';
import { candidateApi } from '../api/candidate.ts';
import { ApiError } from '../api/errors.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { type CandidateAuth, getCandidate, setCandidate } from '../lib/auth.ts';
import { currentSample, restoreSample } from '../lib/clock.ts';
import { navigate, paths } from '../lib/router.ts';
import { loadBrief, storedBrief } from './brief.ts';
import { loadQueueText, loadSnapshot, MirrorStorage, saveSnapshot } from './deviceStore.ts';
import { ExamView } from './ExamView.tsx';
import { takeUnstarted } from './loginHandoff.ts';
import { StartScreen } from './StartScreen.tsx';
import { writerLock } from './writerLock.ts';

type Phase =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'exam'; state: AttemptStateView; form: PublicForm; storage: MirrorStorage; offline: boolean }
  | { kind: 'otherTab' }
  | { kind: 'error'; error: unknown };

export function ExamPage() {
  // Read once: a fresh object per render would restart the loaders (e.g. on a language switch).
  const [auth] = useState(getCandidate);
  useEffect(() => {
    if (!auth) navigate(paths.candidateLogin, true);
  }, [auth]);
  return auth ? <ExamLoader auth={auth} /> : null;
}

function ExamLoader({ auth }: { auth: CandidateAuth }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [starting, setStarting] = useState(false);
  const [storageFailed, setStorageFailed] = useState(false);
  const onStorageError = useCallback(() => setStorageFailed(true), []);

  // One writer per attempt across tabs: a second tab is told and takes over only when the first one closes.
  const [writer, setWriter] = useState<boolean | null>(null);
  useEffect(() => {
    const lock = writerLock(auth.attemptId);
    lock.acquired.then(setWriter);
    lock.later.then(() => window.location.reload());
    return () => lock.release();
  }, [auth.attemptId]);

  const storageFor = useCallback(
    async (attemptId: string) => new MirrorStorage(await loadQueueText(attemptId), onStorageError),
    [onStorageError],
  );
  const [brief, setBrief] = useState<AttemptBrief | null>(() => storedBrief(auth.attemptId));
  useEffect(() => {
    if (phase.kind === 'ready' && !brief)
      loadBrief(auth.token, auth.attemptId)
        .then(setBrief)
        .catch(() => undefined);
  }, [phase.kind, brief, auth]);

  const enter = useCallback(
    async (state: AttemptStateView, early?: Promise<PublicForm | null>) => {
      if (state.state === 'submitted' || state.state === 'expired') {
        navigate(paths.result, true);
        return;
      }
      if (state.state === 'ready') {
        setPhase({ kind: 'ready' });
        return;
      }
      const form = (await early) ?? (await candidateApi.form(auth.token, auth.attemptId));
      const storage = await storageFor(auth.attemptId);
      // The exam must survive a reload without network: the form and state stay on the device until the result.
      saveSnapshot({
        attemptId: auth.attemptId,
        form,
        state,
        sample: currentSample(),
        savedAt: Date.now(),
      }).catch(onStorageError);
      setPhase({ kind: 'exam', state, form, storage, offline: false });
    },
    [auth, storageFor, onStorageError],
  );

  /** No network: the exam from this device's snapshot, the clock from the last server offset. */
  const offline = useCallback(async (): Promise<boolean> => {
    const snap = await loadSnapshot(auth.attemptId);
    if (!snap) return false;
    restoreSample(snap.sample);
    const storage = await storageFor(auth.attemptId);
    setPhase({ kind: 'exam', state: snap.state, form: snap.form, storage, offline: true });
    return true;
  }, [auth, storageFor]);

  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      setCandidate(null);
      navigate(paths.candidateLogin, true);
      return;
    }
    setPhase({ kind: 'error', error });
  }, []);

  const load = useCallback(() => {
    // Straight from a login that found the attempt unstarted: the start screen, no state request (the login's
    // answer carried the brief). The start's answer is the state; ALREADY_STARTED there reads it.
    if (takeUnstarted(auth.attemptId)) {
      setPhase({ kind: 'ready' });
      return;
    }
    setPhase({ kind: 'loading' });
    // The form in parallel with the state (one round trip less on a slow link); a reload reuses the form this
    // device already holds for the attempt. Not when the login found the attempt unstarted: the request would
    // be refused (after a store read, at every candidate of a start spike) and the start brings the form.
    const early = loadSnapshot(auth.attemptId)
      .then(
        (kept) =>
          kept?.form ?? (auth.started === false ? null : candidateApi.form(auth.token, auth.attemptId)),
      )
      .catch(() => null);
    candidateApi
      .state(auth.token, auth.attemptId)
      .then((state) => enter(state, early))
      .catch(async (err: unknown) => {
        // The API answers 409 NOT_STARTED (instead of state 'ready') before the start.
        if (err instanceof ApiError && err.code === 'NOT_STARTED') setPhase({ kind: 'ready' });
        else if (err instanceof ApiError && err.isNetwork && (await offline())) return;
        else fail(err);
      });
  }, [auth, enter, fail, offline]);

  useEffect(() => {
    if (writer) load();
    else if (writer === false) setPhase({ kind: 'otherTab' });
  }, [writer, load]);

  async function start() {
    setStarting(true);
    try {
      let state: AttemptStateView;
      let form: PublicForm | null = null;
      try {
        // The start answers with the form too: no second request before the first question shows.
        ({ form, ...state } = await candidateApi.start(auth.token, auth.attemptId));
        setCandidate({ ...auth, started: true }); // a reload asks for the form beside the state again
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'ALREADY_STARTED')) throw err;
        state = await candidateApi.state(auth.token, auth.attemptId);
      }
      await enter(state, Promise.resolve(form));
    } catch (err) {
      fail(err);
    } finally {
      setStarting(false);
    }
  }

  if (phase.kind === 'exam')
    return (
      <ExamView
        auth={auth}
        form={phase.form}
        initial={phase.state}
        storage={phase.storage}
        loadedOffline={phase.offline}
        storageFailed={storageFailed}
      />
    );
  if (phase.kind === 'ready') {
    return (
      <Layout header={<span className="who">{auth.name}</span>}>
        <StartScreen name={auth.name} brief={brief} starting={starting} onStart={start} />
      </Layout>
    );
  }

  return (
    <Layout header={<span className="who">{auth.name}</span>}>
      <section className="card card-narrow">
        {phase.kind === 'loading' && <p aria-busy="true">{t('common.loading')}</p>}
        {phase.kind === 'otherTab' && (
          <>
            <PageTitle>{t('exam.closed.title')}</PageTitle>
            <div className="alert alert-lock" role="alert" data-testid="other-tab">
              {t('exam.otherTab')}
            </div>
          </>
        )}
        {phase.kind === 'error' && (
          <>
            <PageTitle>{t('exam.closed.title')}</PageTitle>
            <ErrorAlert error={phase.error} />
            <button type="button" className="btn" onClick={load}>
              {t('common.retry')}
            </button>
          </>
        )}
      </section>
    </Layout>
  );
}
