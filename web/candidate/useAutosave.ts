// React binding of the autosave loop: one Autosave per attempt, rendered answers = server state + pending.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AttemptStateView,
  ClientStepInput,
  SaveAnswersResponse,
} from '../../functions/schemas/candidate.ts';
import { candidateApi } from '../api/candidate.ts';
import type { ApiError } from '../api/errors.ts';
import { Autosave, type SaveStatus } from './autosave.ts';
import { createProgressReport } from './progressReport.ts';
import { type KeyValueStorage, loadQueue, overlay, reconcile, type StepDraft } from './queue.ts';

interface Options {
  /** Where the queue lives (the IndexedDB mirror). */
  storage: KeyValueStorage;
  token: string;
  attemptId: string;
  initial: AttemptStateView;
  onResponse(res: SaveAnswersResponse): void;
  onFatal(err: ApiError): void;
  onPaused(): void;
}

export interface AutosaveView {
  answers: Record<string, string | null>;
  flags: Set<string>;
  status: SaveStatus;
  pendingCount: number;
  record(draft: StepDraft): void;
  flush(): Promise<boolean>;
}

/** Items answered once `steps` are applied to `answers` (a cleared choice counts as unanswered). */
export function answeredAfter(answers: Record<string, string | null>, steps: ClientStepInput[]): number {
  const merged = { ...answers };
  for (const s of steps) if (s.type === 'answered') merged[s.itemId] = s.choice;
  return Object.values(merged).filter((a) => a !== null).length;
}

export function useAutosave({
  storage,
  token,
  attemptId,
  initial,
  onResponse,
  onFatal,
  onPaused,
}: Options): AutosaveView {
  const callbacks = useRef({ onResponse, onFatal, onPaused });
  callbacks.current = { onResponse, onFatal, onPaused };
  const [view, setView] = useState(() => {
    const q = reconcile(loadQueue(storage, attemptId), attemptId, initial);
    return overlay(initial.answers, initial.flags, q.pending);
  });
  const [pendingCount, setPendingCount] = useState(0);
  const [status, setStatus] = useState<SaveStatus>('saving');
  const saverRef = useRef<Autosave | null>(null);
  // Answers as shown (server state + pending); with a batch laid over them, the answered count each save
  // sends for the proctor's monitor (the batch may leave before React renders the step that made it).
  const answersRef = useRef(view.answers);
  answersRef.current = view.answers;

  const { deviceEpoch, lastSeq } = initial;
  useEffect(() => {
    const report = createProgressReport(() => Date.now());
    const saver = new Autosave({
      storage,
      queue: reconcile(loadQueue(storage, attemptId), attemptId, { deviceEpoch, lastSeq }),
      send: (steps) =>
        candidateApi.save(token, attemptId, steps, report(answeredAfter(answersRef.current, steps))),
      onChange: (q, s) => {
        setPendingCount(q.pending.length);
        setStatus(s);
      },
      onResponse: (res) => callbacks.current.onResponse(res),
      onFatal: (err) => callbacks.current.onFatal(err),
      onPaused: () => callbacks.current.onPaused(),
    });
    saverRef.current = saver;
    // Steps recorded before the saver existed are added now, in order (never dropped).
    for (const draft of early.current.splice(0)) saver.add(draft);
    setPendingCount(saver.queue.pending.length);
    setStatus(saver.status);
    saver.resume();
    const online = () => saver.resume();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      saver.stop();
      saverRef.current = null;
    };
  }, [storage, token, attemptId, deviceEpoch, lastSeq]);

  const early = useRef<StepDraft[]>([]);
  const record = useCallback((draft: StepDraft) => {
    const saver = saverRef.current;
    if (!saver) {
      early.current.push(draft);
      setView((v) => overlay(v.answers, [...v.flags], [{ ...draft, seq: 0 }]));
      return;
    }
    const step = saver.add(draft);
    setView((v) => overlay(v.answers, [...v.flags], [step]));
  }, []);
  const flush = useCallback(async () => (saverRef.current ? saverRef.current.flush() : false), []);

  return { ...view, status, pendingCount, record, flush };
}
