// Candidate attempt use cases: start, state, form, autosave (the hot path), submit, result. Lifecycle rules live in domain/.
import type { AttemptMeta, RosterEntry, Session } from '../domain/attempt.ts';
import { isCurrentDevice } from '../domain/device.ts';
import type { DomainError } from '../domain/errors.ts';
import type { Form } from '../domain/form.ts';
import { isSessionOpen, type StartInput, startAttempt } from '../domain/lifecycle.ts';
import { entryVerdict, outsideSheet } from '../domain/psych/kraepelin.ts';
import { replay } from '../domain/replay.ts';
import { attemptSeed } from '../domain/seed.ts';
import type { ClientStep, Step } from '../domain/steps.ts';
import { acceptsAnswersAt, deadlineOf, remainingMs } from '../domain/timing.ts';
import type { WireForm } from '../domain/wire.ts';
import type {
  AttemptBrief,
  AttemptEnd,
  AttemptSignal,
  AttemptStateView,
  ClientStepInput,
  PublicForm,
  ResultView,
  SaveAnswersResponse,
} from '../schemas/candidate.ts';
import type { AttemptCache } from './attempt-cache.ts';
import type { CandidateClaims } from './auth/tokens.ts';
import type { ContentCache, ExamContent } from './content.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { Finalizer } from './finalize.ts';
import { formJson } from './form-json.ts';
import type { ImageService } from './images.ts';
import { presentForm } from './present.ts';
import { signalOf } from './push.ts';
import { resultView } from './results.ts';
import type { ProgressRecorder } from './room-progress.ts';
import type { SessionCache } from './session-cache.ts';
import { livePause, type SpeedStartCache } from './speed-starts.ts';

export interface AttemptServiceParts {
  deps: Deps;
  attemptCache: AttemptCache;
  contentCache: ContentCache;
  finalizer: Finalizer;
  images: ImageService;
  sessionCache: SessionCache;
  speedStarts: SpeedStartCache;
  /** The room monitor's throttled progress write (answered count, last save). */
  progress?: ProgressRecorder;
}

/** A client step's content without the envelope (what the log records besides time, epoch and seq). */
const clientBody = (s: ClientStepInput): { seq: number; body: ClientStep } => ({
  seq: s.seq,
  body:
    s.type === 'answered'
      ? { type: 'answered', itemId: s.itemId, choice: s.choice }
      : s.type === 'flagged'
        ? { type: 'flagged', itemId: s.itemId, flagged: s.flagged }
        : { type: 'entered', itemId: s.itemId, column: s.column, row: s.row, digit: s.digit },
});

const remainingOf = (meta: AttemptMeta, now: number): number | null =>
  meta.state === 'running' || meta.state === 'paused' ? remainingMs(meta, now) : null;

/** Who ended the attempt and why, from its last submitted step (an expired attempt without one: the clock). */
export const endOf = (steps: readonly Step[]): AttemptEnd => {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as Step;
    if (s.type !== 'submitted') continue;
    const by = s.actor.role === 'proctor' || s.actor.role === 'admin' ? 'proctor' : s.actor.role;
    return { by, reason: s.reason ?? null };
  }
  return { by: 'system', reason: null };
};

export const createAttemptService = ({
  deps,
  attemptCache,
  contentCache,
  finalizer,
  images,
  sessionCache,
  speedStarts,
  progress,
}: AttemptServiceParts) => {
  const { store } = deps;

  /** The replayed view of an attempt; `known` = the whole log when the caller has it (a fresh start), else read. */
  const stateView = async (meta: AttemptMeta, now: number, known?: Step[]): Promise<AttemptStateView> => {
    const exam = await contentCache.exam(meta, meta.bankSnapshots);
    const form = contentCache.form(meta.attemptId, exam, meta.seed);
    const wire = contentCache.wire(meta.attemptId, exam, meta.seed);
    const steps = known ?? (await store.attempts.readSteps(meta.attemptId));
    const view = replay(steps, meta, deps.config.graceMs);
    // The log holds bank ids; the browser knows only wire ids.
    const answers: Record<string, string | null> = {};
    for (const [itemId, choice] of view.answers) {
      const w = wire.byItem.get(itemId);
      if (w) answers[w.wireId] = choice === null ? null : (w.toWire.get(choice) ?? null);
    }
    const flags = [...view.flags].flatMap((itemId) => wire.byItem.get(itemId)?.wireId ?? []);
    const lastSeq = view.lastSeqByEpoch.get(meta.deviceEpoch) ?? 0;
    return {
      attemptId: meta.attemptId,
      state: meta.state,
      deadline: meta.state === 'running' || meta.state === 'paused' ? deadlineOf(meta) : null,
      remainingMs: remainingOf(meta, now),
      deviceEpoch: meta.deviceEpoch,
      lastSeq,
      answers,
      flags,
      answeredCount: Object.values(answers).filter((a) => a !== null).length,
      totalItems: form.items.length,
      serverTime: now,
    };
  };

  const readyView = async (claims: CandidateClaims, now: number): Promise<AttemptStateView> => {
    const session = await sessionCache.get(claims.sid);
    if (!session) throw userError('NOT_FOUND.session');
    const { exam } = await contentCache.exam(session);
    return {
      attemptId: claims.aid,
      state: 'ready',
      deadline: null,
      remainingMs: null,
      deviceEpoch: claims.dev,
      lastSeq: 0,
      answers: {},
      flags: [],
      answeredCount: 0,
      totalItems: exam.sections.reduce((n, s) => n + s.draws.reduce((m, d) => m + d.count, 0), 0),
      serverTime: now,
    };
  };

  /** Loads the attempt META fresh and finalizes it lazily when its deadline has passed. */
  const freshMeta = async (attemptId: string, now: number): Promise<AttemptMeta> => {
    const meta = await store.attempts.get(attemptId, true);
    if (!meta) throw userError('NOT_STARTED');
    attemptCache.set(meta);
    return finalizer.finalizeIfDue(meta, now);
  };

  const formOf = async (claims: CandidateClaims) => {
    // The questions go to the attempt's device only (not to a second browser that logged in before start).
    // A META of any age that names this device will do: the form comes from the seed and snapshots, which
    // never change, and a device that was current then had this form already (a handover since cannot give
    // it anything new). Otherwise (none cached, another device named) the cache's usual age limit applies.
    const seen = attemptCache.peek(claims.aid);
    const meta =
      seen && isCurrentDevice(seen, claims.dev, claims.dn) ? seen : await attemptCache.get(claims.aid);
    if (!isCurrentDevice(meta, claims.dev, claims.dn)) throw userError('RETIRED_DEVICE');
    const exam = await contentCache.exam(meta, meta.bankSnapshots);
    const form = contentCache.form(meta.attemptId, exam, meta.seed);
    const header = {
      attemptId: meta.attemptId,
      examId: exam.exam.id,
      examTitle: exam.exam.title,
      sections: exam.exam.sections.map((s) => ({
        id: s.id,
        title: s.title,
        count: form.items.filter((i) => i.sectionId === s.id).length,
      })),
    };
    return { exam, form, wire: contentCache.wire(meta.attemptId, exam, meta.seed), header };
  };

  /** presentForm with stored-image references turned into presigned URLs. */
  const presented = async (
    exam: ExamContent,
    form: Form,
    wire: WireForm,
    header: Omit<PublicForm, 'items' | 'serverTime'>,
    now: number,
  ): Promise<PublicForm> => ({
    ...header,
    items: await images.resolve(presentForm(form, exam.itemsById, wire)),
    serverTime: now,
  });

  /** The roster entry's start inputs: the copy login put in the token, else (an older token) a read. */
  const rosterOf = async (claims: CandidateClaims): Promise<StartInput['roster'] | undefined> =>
    claims.ros
      ? {
          sessionId: claims.sid,
          regNo: claims.sub,
          formationId: claims.ros.fid,
          formationType: claims.ros.fty,
          extraMinutes: claims.ros.xm,
        }
      : store.sessions.getRosterEntry(claims.sid, claims.sub);

  /** What a psych battery's slip needs (results.ts scores it only for a PSYCH exam). */
  const psychSlip = (attemptId: string) => ({
    readSteps: () => store.attempts.readSteps(attemptId),
  });

  const briefOf = async (session: Session, entry: RosterEntry, attemptId: string): Promise<AttemptBrief> => {
    const { exam } = await contentCache.exam(session);
    return {
      attemptId,
      regNo: entry.regNo,
      name: entry.name,
      sessionId: session.id,
      sessionTitle: session.title,
      exam: {
        title: exam.title,
        durationMinutes: exam.durationMinutes + entry.extraMinutes,
        sections: exam.sections.map((s) => ({
          id: s.id,
          title: s.title,
          count: s.draws.reduce((n, d) => n + d.count, 0),
        })),
      },
      serverTime: deps.clock(),
    };
  };

  const start = async (claims: CandidateClaims): Promise<AttemptStateView> => {
    const now = deps.clock();
    const [session, entry, secret] = await Promise.all([
      sessionCache.get(claims.sid),
      rosterOf(claims),
      sessionCache.secret(claims.sid),
    ]);
    if (!session || !entry || !secret) throw userError('NOT_FOUND.session');
    if (!isSessionOpen(session, now)) {
      throw userError('SESSION_NOT_OPEN');
    }
    const exam = await contentCache.exam(session);
    const seed = attemptSeed(secret, claims.aid);
    contentCache.form(claims.aid, exam, seed); // validates the bank covers the blueprint before anything is written
    const { meta, step } = startAttempt({
      attemptId: claims.aid,
      session,
      roster: entry,
      exam: exam.exam,
      seed,
      now,
      // The form, score and receipt come from these snapshots for good (docs/exam-engine.md, bank versioning).
      bankSnapshots: exam.pins,
    });
    // The starting device is the attempt's one device: other logins need a proctor's handover.
    if (claims.dn !== undefined) meta.deviceNonce = claims.dn;
    // One conditional write: the META carries the started step (store/attempts.ts), so a start is recorded
    // whole or not at all, and a second start of the attempt is refused by the same condition.
    await store.attempts.create(meta);
    attemptCache.set(meta);
    // A fresh attempt's whole log is its started step: no read of the log needed.
    return stateView(meta, now, [step]);
  };

  return {
    start,

    /**
     * Start, answered with the form: `{ ...AttemptStateView, "form": PublicForm }`. The client needs both at once,
     * so a start costs one HTTP round trip (token check, routing, META lookup) instead of two; GET form stays
     * for reloads and resumes. The form is the starting device's: the META just written names it.
     */
    async startJson(claims: CandidateClaims): Promise<Uint8Array<ArrayBuffer>> {
      const state = await start(claims);
      const { exam, form, wire, header } = await formOf(claims);
      const pieces = contentCache.formPieces(exam);
      if (!pieces)
        return Buffer.from(
          JSON.stringify({ ...state, form: await presented(exam, form, wire, header, state.serverTime) }),
        );
      const before = `${JSON.stringify(state).slice(0, -1)},"form":`;
      return formJson(pieces, form, wire, header, state.serverTime, { before, after: '}' });
    },

    /** Before start the attempt is 'ready' (no META yet); after it, the replayed state. */
    async state(claims: CandidateClaims): Promise<AttemptStateView> {
      const now = deps.clock();
      const stored = await store.attempts.get(claims.aid, true);
      if (!stored) return readyView(claims, now);
      attemptCache.set(stored);
      return stateView(await finalizer.finalizeIfDue(stored, now), now);
    },

    /** The start screen's facts (no item content): who, which session, duration and items per section. */
    async brief(claims: CandidateClaims): Promise<AttemptBrief> {
      const [session, entry] = await Promise.all([
        sessionCache.get(claims.sid),
        store.sessions.getRosterEntry(claims.sid, claims.sub),
      ]);
      if (!session || !entry) throw userError('NOT_FOUND.session');
      return briefOf(session, entry, claims.aid);
    },

    /** The brief from a session and roster entry already in hand (the login answers with it). */
    briefOf,

    /**
     * The proctor-signal poll: one META read from the store (never the per-process cache, which may be seconds
     * old on another Lambda), refreshing the cache so the next save sees it too; the log is read only once the
     * attempt is finished, to say how it ended.
     */
    async signal(claims: CandidateClaims): Promise<AttemptSignal> {
      const now = deps.clock();
      const meta = await store.attempts.get(claims.aid);
      if (!meta) {
        return {
          attemptId: claims.aid,
          state: 'ready',
          deadline: null,
          remainingMs: null,
          deviceEpoch: claims.dev,
          ended: null,
          serverTime: now,
        };
      }
      attemptCache.set(meta);
      const finished = meta.state === 'submitted' || meta.state === 'expired';
      return signalOf(meta, now, finished ? endOf(await store.attempts.readSteps(meta.attemptId)) : null);
    },

    /** The form as an object (the reference the byte-assembled formJson must equal). */
    async form(claims: CandidateClaims): Promise<PublicForm> {
      const { exam, form, wire, header } = await formOf(claims);
      return presented(exam, form, wire, header, deps.clock());
    },

    /**
     * The same form as JSON bytes (what GET form sends): assembled from pieces encoded once per exam content,
     * instead of building and stringifying ≈ 40 KB of objects per candidate. Stored images take the object path.
     */
    async formJson(claims: CandidateClaims): Promise<Uint8Array<ArrayBuffer>> {
      const now = deps.clock();
      const { exam, form, wire, header } = await formOf(claims);
      const pieces = contentCache.formPieces(exam);
      if (pieces) return formJson(pieces, form, wire, header, now);
      return Buffer.from(JSON.stringify(await presented(exam, form, wire, header, now)));
    },

    /** The hot path: token + cached state, then one conditional put per step. Ack only after durable writes. */
    async save(
      claims: CandidateClaims,
      steps: ClientStepInput[],
      answered?: number,
    ): Promise<SaveAnswersResponse> {
      const now = deps.clock();
      const meta = await attemptCache.get(claims.aid);
      const exam = await contentCache.exam(meta, meta.bankSnapshots);
      const wire = contentCache.wire(meta.attemptId, exam, meta.seed);
      const bad: Record<string, string[]> = {};
      // Wire ids -> bank ids: the log records bank ids (docs/exam-engine.md, "Ids on the wire").
      const bankSteps = steps.map((s, i) => {
        const w = wire.byWire.get(s.itemId);
        if (!w) {
          bad[`steps.${i}.itemId`] = ['soal tidak ada di naskah Anda / item is not on your form'];
          return s;
        }
        if (s.type === 'entered') {
          const item = exam.itemsById.get(w.itemId);
          if (item?.kind !== 'speed')
            bad[`steps.${i}.itemId`] = ['bukan lembar Kraepelin / not a speed sheet'];
          else if (outsideSheet(s, item)) bad[`steps.${i}`] = ['di luar lembar / outside the sheet'];
        }
        if (s.type !== 'answered' || s.choice === null) return { ...s, itemId: w.itemId };
        const choice = w.toBank.get(s.choice);
        if (choice === undefined) bad[`steps.${i}.choice`] = ['pilihan tidak dikenal / unknown option'];
        return { ...s, itemId: w.itemId, choice: choice ?? s.choice };
      });
      if (Object.keys(bad).length) {
        throw userError('VALIDATION.answers', { fields: bad });
      }

      let rejected: Step['rejected'];
      let error: DomainError | undefined;
      if (meta.state === 'submitted' || meta.state === 'expired') {
        rejected = 'afterSubmit';
        error = userError(
          meta.state === 'submitted' ? 'ATTEMPT_SUBMITTED.notScored' : 'ATTEMPT_EXPIRED.notScored',
        );
      } else if (!isCurrentDevice(meta, claims.dev, claims.dn)) {
        rejected = 'retiredDevice';
        error = userError('RETIRED_DEVICE');
      } else if (meta.state === 'paused') {
        throw userError('ATTEMPT_PAUSED');
      } else if (!acceptsAnswersAt(meta, now, deps.config.graceMs)) {
        rejected = 'late';
        error = userError('ATTEMPT_EXPIRED');
      }

      // Kraepelin entries: each judged against its column's deadline, fixed from the sheet's server start and
      // moved by the attempt's pauses since then (a paused attempt was refused above).
      const refused = new Set<number>();
      if (!rejected)
        for (const s of bankSteps) {
          if (s.type !== 'entered') continue;
          const item = exam.itemsById.get(s.itemId);
          const start = await speedStarts.get(meta, s.itemId);
          if (item?.kind !== 'speed' || start === undefined) refused.add(s.seq);
          else if (
            entryVerdict(s, now, start.startedAt, item, deps.config.speedGraceMs, livePause(meta, start)) !==
            'ok'
          )
            refused.add(s.seq);
        }
      // A refused request is recorded once: its first step carries the refusal and the rest of the batch.
      if (rejected && error) {
        const [first, ...rest] = bankSteps.map(clientBody);
        if (first) {
          await store.attempts.appendClientStep(meta.attemptId, {
            ...first.body,
            at: now,
            deviceEpoch: claims.dev,
            clientSeq: first.seq,
            rejected,
            ...(rest.length ? { batch: rest.map((r) => ({ ...r.body, clientSeq: r.seq })) } : {}),
          });
        }
        if (rejected === 'late') await freshMeta(meta.attemptId, now); // finalizes lazily
        throw error;
      }
      // Beside the step puts (no added latency): at most one progress write per attempt per 60 s (PROGRESS_EVERY_MS).
      const [outcomes] = await Promise.all([
        Promise.all(
          bankSteps.map((s) => {
            const mark: Step['rejected'] = refused.has(s.seq) ? 'columnClosed' : undefined;
            return store.attempts.appendClientStep(meta.attemptId, {
              ...clientBody(s).body,
              at: now,
              deviceEpoch: claims.dev,
              clientSeq: s.seq,
              ...(mark ? { rejected: mark } : {}),
            });
          }),
        ),
        progress?.maybeRecord(meta, answered),
      ]);
      const conflicts = steps.filter((_, i) => outcomes[i] === 'conflict').map((s) => s.seq);
      if (conflicts.length) {
        throw userError('CONFLICT.seqReused', { seqs: conflicts });
      }
      return {
        acked: steps.map((s) => s.seq),
        ...(refused.size ? { refused: [...refused] } : {}),
        remainingMs: remainingOf(meta, now),
        state: 'running',
        deadline: deadlineOf(meta),
        deviceEpoch: meta.deviceEpoch,
        serverTime: now,
      };
    },

    /** The candidate submits: idempotent, a finished attempt answers with its stored result. */
    async submit(claims: CandidateClaims): Promise<ResultView> {
      const result = await finalizer.submit(claims.aid, { role: 'candidate' });
      const meta = await attemptCache.get(claims.aid);
      return resultView(
        contentCache,
        meta,
        result,
        deps.clock(),
        deps.config.publication?.pseudonymSecret,
        psychSlip(meta.attemptId),
      );
    },

    /** The result of a finished attempt (finalized first when its deadline has passed). */
    async result(claims: CandidateClaims): Promise<ResultView> {
      const now = deps.clock();
      const meta = await finalizer.finalizeIfDue(await attemptCache.get(claims.aid), now);
      if (meta.state !== 'submitted' && meta.state !== 'expired') {
        throw userError('NOT_FOUND.result');
      }
      return resultView(
        contentCache,
        meta,
        await finalizer.result(meta),
        now,
        deps.config.publication?.pseudonymSecret,
        psychSlip(meta.attemptId),
      );
    },
  };
};

export type AttemptService = ReturnType<typeof createAttemptService>;
