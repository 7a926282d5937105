// Running exam: header (name, countdown, save status), section tabs, one question, grid, submit; locks
// on pause (proctor) and when time runs out; polls the state for pause/resume/extend/forced submit.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AttemptSignal,
  AttemptStateView,
  PublicForm,
  SaveAnswersResponse,
} from '../../functions/schemas/candidate.ts';
import { candidateApi } from '../api/candidate.ts';
import { ApiError } from '../api/errors.ts';
import { Layout } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { type CandidateAuth, setCandidate } from '../lib/auth.ts';
import { currentSample } from '../lib/clock.ts';
import { navigate, paths } from '../lib/router.ts';
import { Countdown } from './Countdown.tsx';
import { saveSnapshot } from './deviceStore.ts';
import { type Lock, LockPanel } from './LockPanel.tsx';
import { choiceForKey } from './letters.ts';
import { KraepelinSheet } from './psych/KraepelinSheet.tsx';
import { QuestionGrid } from './QuestionGrid.tsx';
import { QuestionPanel } from './QuestionPanel.tsx';
import type { KeyValueStorage } from './queue.ts';
import { rememberEnd, rememberResult } from './resultCache.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import { SectionTabs } from './SectionTabs.tsx';
import { SubmitDialog } from './SubmitDialog.tsx';
import { TimeWarnings } from './TimeWarnings.tsx';
import { useAutosave } from './useAutosave.ts';
import { useCountdown } from './useCountdown.ts';
import { useShortcuts } from './useShortcuts.ts';
import { type Signals, useSignals } from './useSignals.ts';

interface Props {
  auth: CandidateAuth;
  form: PublicForm;
  initial: AttemptStateView;
  storage: KeyValueStorage;
  /** Shown from this device's snapshot because the server could not be reached. */
  loadedOffline: boolean;
  storageFailed: boolean;
}

interface Clock {
  state: AttemptStateView['state'];
  deadline: number | null;
  remainingMs: number | null;
}

const clockOf = (s: AttemptStateView): Clock => ({
  state: s.state,
  deadline: s.deadline ?? (s.remainingMs !== null ? s.serverTime + s.remainingMs : null),
  remainingMs: s.remainingMs,
});

const posKey = (attemptId: string) => `seleksi.pos.${attemptId}`;

export function ExamView({ auth, form, initial, storage, loadedOffline, storageFailed }: Props) {
  const { t } = useI18n();
  const [clock, setClock] = useState<Clock>(() => clockOf(initial));
  const [fatal, setFatal] = useState<Lock | null>(null);
  const [currentId, setCurrentId] = useState<string>(() => {
    const saved = sessionStorage.getItem(posKey(auth.attemptId));
    return form.items.some((i) => i.itemId === saved) ? (saved as string) : (form.items[0]?.itemId ?? '');
  });
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const leaving = useRef(false);

  const goResult = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    navigate(paths.result, true);
  }, []);

  const signalsRef = useRef<Signals | null>(null);
  const onResponse = useCallback((res: SaveAnswersResponse) => {
    // The save carried the attempt state: no poll needed for a while; an extension shows as a new deadline.
    signalsRef.current?.heard();
    setHeard(true);
    setClock({ state: 'running', deadline: res.deadline, remainingMs: res.remainingMs });
  }, []);

  const onFatal = useCallback(
    (err: ApiError) => {
      if (err.code === 'ATTEMPT_SUBMITTED' || err.code === 'ATTEMPT_EXPIRED') goResult();
      else if (err.code === 'UNAUTHENTICATED') {
        setCandidate(null);
        navigate(paths.candidateLogin, true);
      } else setFatal({ kind: 'blocked', error: err });
    },
    [goResult],
  );

  const onPaused = useCallback(() => signalsRef.current?.pollNow(), []);
  const [heard, setHeard] = useState(!loadedOffline);
  const save = useAutosave({
    storage,
    token: auth.token,
    attemptId: auth.attemptId,
    initial,
    onResponse,
    onFatal,
    onPaused,
  });
  const remaining = useCountdown(clock.state === 'running' ? clock.deadline : null, clock.remainingMs);
  const timeUp = clock.state === 'running' && remaining === 0;
  const lock: Lock | null =
    fatal ?? (timeUp ? { kind: 'timeup' } : clock.state === 'paused' ? { kind: 'paused' } : null);

  // Time is up: send what is still queued (the server allows a short grace), then show the result/status.
  const { flush } = save;
  useEffect(() => {
    if (!timeUp) return;
    let cancelled = false;
    flush()
      .catch(() => false)
      .then(() => {
        if (!cancelled) goResult();
      });
    return () => {
      cancelled = true;
    };
  }, [timeUp, flush, goResult]);

  // Proctor signals: pause/resume, extension, device handover, forced submit (see useSignals for the cost).
  const signals = useSignals(auth, clock.state === 'paused', fatal === null, (sig: AttemptSignal) => {
    // Heard from the server (e.g. after an offline reload): send what waited in the queue.
    setHeard(true);
    save.flush().catch(() => undefined);
    if (sig.state === 'submitted' || sig.state === 'expired') {
      rememberEnd(auth.attemptId, sig.ended);
      goResult();
    } else if (sig.deviceEpoch !== initial.deviceEpoch)
      setFatal({ kind: 'blocked', error: new ApiError(409, 'RETIRED_DEVICE', '') }); // '' = the catalog's text
    else if (sig.state === 'running' || sig.state === 'paused')
      setClock({ state: sig.state, deadline: sig.deadline, remainingMs: sig.remainingMs });
  });
  signalsRef.current = signals;

  // Keep this device's snapshot current (answers, flags, clock, server offset) for a reload without network.
  const { answers, flags } = save;
  useEffect(() => {
    const state: AttemptStateView = {
      ...initial,
      state: clock.state,
      deadline: clock.deadline,
      remainingMs: clock.remainingMs,
      answers,
      flags: [...flags],
    };
    const timer = setTimeout(() => {
      if (leaving.current) return;
      saveSnapshot({
        attemptId: auth.attemptId,
        form,
        state,
        sample: currentSample(),
        savedAt: Date.now(),
      }).catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [answers, flags, clock, initial, auth.attemptId, form]);

  useEffect(() => {
    sessionStorage.setItem(posKey(auth.attemptId), currentId);
  }, [auth.attemptId, currentId]);

  const index = Math.max(
    0,
    form.items.findIndex((i) => i.itemId === currentId),
  );
  const item = form.items[index];
  const go = (delta: number) => setCurrentId(form.items[index + delta]?.itemId ?? currentId);
  // The Kraepelin sheet owns the digit keys.
  useShortcuts(lock === null && item !== undefined && item.kind !== 'speed', {
    answer: (key) => {
      const choice = item ? choiceForKey(item, key) : null;
      if (item && choice !== null) save.record({ type: 'answered', itemId: item.itemId, choice });
    },
    next: () => go(1),
    prev: () => go(-1),
    flag: () => {
      if (item) save.record({ type: 'flagged', itemId: item.itemId, flagged: !save.flags.has(item.itemId) });
    },
  });
  const answeredCount = form.items.filter((i) => save.answers[i.itemId] != null).length;
  const flaggedCount = form.items.filter((i) => save.flags.has(i.itemId)).length;

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await save.flush())) throw new ApiError(0, 'NETWORK', 'answers not yet saved');
      const result = await candidateApi.submit(auth.token, auth.attemptId);
      rememberResult(result);
      goResult();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'ATTEMPT_SUBMITTED' || err.code === 'ATTEMPT_EXPIRED'))
        goResult();
      else setSubmitError(err);
    } finally {
      setSubmitting(false);
    }
  }

  const header = (
    <div className="exam-header">
      <span className="who">
        <span className="sr-only">{t('exam.participant')}: </span>
        {auth.name}
      </span>
      <SaveIndicator status={save.status} />
      <Countdown remainingMs={remaining} />
    </div>
  );

  if (!item) return <Layout header={header}>{null}</Layout>;
  const locked = lock !== null;

  return (
    <Layout header={header} wide>
      <h1 className="sr-only">{form.examTitle}</h1>
      <SectionTabs
        sections={form.sections}
        items={form.items}
        answers={save.answers}
        currentSection={item.sectionId}
        onSelect={(sectionId) => {
          const first = form.items.find((i) => i.sectionId === sectionId);
          if (first) setCurrentId(first.itemId);
        }}
      />
      <div className="exam-layout">
        <div className="exam-main">
          {storageFailed && (
            <div className="alert alert-error" role="alert" data-testid="storage-failed">
              {t('exam.storage.failed')}
            </div>
          )}
          {(!heard || save.status === 'offline') && (
            <div className="alert alert-lock" role="status" data-testid="offline-banner">
              {t('exam.offline.banner')}
            </div>
          )}
          {lock && <LockPanel lock={lock} />}
          <TimeWarnings remainingMs={clock.state === 'running' ? remaining : null} />
          {/* Paused by the proctor: the question is hidden, not only disabled. */}
          {lock?.kind !== 'paused' && item.kind === 'speed' && (
            <KraepelinSheet
              key={item.itemId}
              token={auth.token}
              attemptId={auth.attemptId}
              item={item}
              locked={locked}
              record={save.record}
            />
          )}
          {lock?.kind !== 'paused' && item.kind !== 'speed' && (
            <QuestionPanel
              key={item.itemId}
              item={item}
              total={form.items.length}
              choice={save.answers[item.itemId] ?? null}
              flagged={save.flags.has(item.itemId)}
              locked={locked}
              onChoose={(choice) => save.record({ type: 'answered', itemId: item.itemId, choice })}
              onFlag={(flagged) => save.record({ type: 'flagged', itemId: item.itemId, flagged })}
            />
          )}
          {item.kind === 'likert' && <p className="psych-attribution">{t('psych.attribution')}</p>}
        </div>
        <aside className="exam-side">
          <QuestionGrid
            sections={form.sections}
            items={form.items}
            currentId={item.itemId}
            answers={save.answers}
            flags={save.flags}
            onJump={setCurrentId}
          />
        </aside>
      </div>
      <div className="exam-actions">
        <button type="button" className="btn" disabled={index === 0} onClick={() => go(-1)}>
          ← <span className="btn-label">{t('exam.prev')}</span>
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={index >= form.items.length - 1}
          onClick={() => go(1)}
        >
          <span className="btn-label">{t('exam.next')}</span> →
        </button>
        <button
          type="button"
          className="btn btn-danger exam-submit"
          disabled={locked}
          onClick={() => setSubmitOpen(true)}
        >
          {t('exam.submit')}
        </button>
      </div>
      <SubmitDialog
        open={submitOpen}
        total={form.items.length}
        answered={answeredCount}
        flagged={flaggedCount}
        busy={submitting}
        error={submitError}
        onConfirm={submit}
        onClose={() => {
          setSubmitOpen(false);
          setSubmitError(null);
        }}
      />
    </Layout>
  );
}
