// Autosave sender loop: persists every step first, then sends batches in seq order, drops acknowledged
// seqs, retries transient failures with backoff, and stops on answers the server will never take.
import type { ClientStepInput, SaveAnswersResponse } from '../../functions/schemas/candidate.ts';
import { ApiError } from '../api/errors.ts';
import {
  acknowledge,
  backoffDelay,
  enqueue,
  type KeyValueStorage,
  type QueueData,
  renumberPending,
  type StepDraft,
  storeQueue,
  takeBatch,
} from './queue.ts';

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'blocked';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveDeps {
  storage: KeyValueStorage;
  queue: QueueData;
  send(steps: ClientStepInput[]): Promise<SaveAnswersResponse>;
  timers?: Timers;
  random?: () => number;
  /** Called after every change of queue or status (for rendering). */
  onChange?(queue: QueueData, status: SaveStatus): void;
  onResponse?(res: SaveAnswersResponse): void;
  /** A non-retryable refusal (submitted, expired, retired device, logged out): sending stops. */
  onFatal?(err: ApiError): void;
  /** The server refused because the proctor paused the attempt (steps stay queued and are retried). */
  onPaused?(): void;
}

/** Codes after which retrying cannot help; the steps stay in storage for the record. */
const FATAL = new Set([
  'ATTEMPT_SUBMITTED',
  'ATTEMPT_EXPIRED',
  'RETIRED_DEVICE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

const isFatal = (err: ApiError) =>
  FATAL.has(err.code) || (err.status >= 400 && err.status < 500 && !err.isTransient && !isPaused(err));
const isPaused = (err: ApiError) => err.code === 'ATTEMPT_PAUSED' || err.status === 423;
/** A seq of the batch is taken on the server by other content: renumber and resend, never drop. */
const isSeqConflict = (err: ApiError) => err.code === 'CONFLICT';

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Autosave {
  #deps: AutosaveDeps;
  #timers: Timers;
  #queue: QueueData;
  #status: SaveStatus;
  #failures = 0;
  #inFlight: Promise<void> | null = null;
  #retry: unknown = null;
  #stopped = false;

  constructor(deps: AutosaveDeps) {
    this.#deps = deps;
    this.#timers = deps.timers ?? realTimers;
    this.#queue = deps.queue;
    this.#status = deps.queue.pending.length ? 'saving' : 'saved';
    storeQueue(deps.storage, this.#queue);
  }

  get queue(): QueueData {
    return this.#queue;
  }
  get status(): SaveStatus {
    return this.#status;
  }
  get failures(): number {
    return this.#failures;
  }

  /** Record a step: persisted before anything is sent. Returns the step with its seq. */
  add(draft: StepDraft): ClientStepInput {
    const { queue, step } = enqueue(this.#queue, draft);
    this.#queue = queue;
    storeQueue(this.#deps.storage, queue);
    if (this.#status === 'saved') this.#status = 'saving';
    this.#emit();
    if (!this.#retry) this.#kick();
    return step;
  }

  /** Start sending what is pending (e.g. after reload) — or now, skipping a backoff wait (e.g. `online`). */
  resume(): void {
    if (this.#stopped) return;
    if (this.#retry) {
      this.#timers.clearTimeout(this.#retry);
      this.#retry = null;
    }
    this.#kick();
  }

  /** Send everything now; resolves true when nothing is left pending. */
  async flush(): Promise<boolean> {
    this.resume();
    while (this.#inFlight) await this.#inFlight;
    return this.#queue.pending.length === 0;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#retry) this.#timers.clearTimeout(this.#retry);
    this.#retry = null;
  }

  #emit(): void {
    this.#deps.onChange?.(this.#queue, this.#status);
  }

  #kick(): void {
    if (this.#stopped || this.#inFlight) return;
    this.#inFlight = this.#pump().finally(() => {
      this.#inFlight = null;
    });
  }

  async #pump(): Promise<void> {
    while (!this.#stopped && this.#queue.pending.length > 0) {
      const batch = takeBatch(this.#queue);
      let res: SaveAnswersResponse;
      try {
        res = await this.#deps.send(batch);
      } catch (e) {
        if (this.#stopped) return;
        const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        if (isSeqConflict(err)) {
          this.#queue = renumberPending(this.#queue);
          storeQueue(this.#deps.storage, this.#queue);
          this.#fail('saving');
          return;
        }
        if (isFatal(err)) {
          this.#stopped = true;
          this.#status = 'blocked';
          this.#emit();
          this.#deps.onFatal?.(err);
          return;
        }
        if (isPaused(err)) this.#deps.onPaused?.();
        this.#fail(err.isNetwork || this.#failures >= 2 ? 'offline' : 'saving');
        return;
      }
      if (this.#stopped) return; // a stopped saver must not overwrite a successor's stored queue
      const before = this.#queue.pending.length;
      this.#queue = acknowledge(this.#queue, res.acked);
      storeQueue(this.#deps.storage, this.#queue);
      this.#deps.onResponse?.(res);
      if (this.#queue.pending.length === before) {
        // Answered but acknowledged none of the batch: back off instead of spinning.
        this.#fail('saving');
        return;
      }
      this.#failures = 0;
      this.#status = this.#queue.pending.length ? 'saving' : 'saved';
      this.#emit();
    }
  }

  #fail(status: SaveStatus): void {
    this.#failures += 1;
    this.#status = status;
    this.#emit();
    const delay = backoffDelay(this.#failures, this.#deps.random);
    this.#retry = this.#timers.setTimeout(() => {
      this.#retry = null;
      this.#kick();
    }, delay);
  }
}
