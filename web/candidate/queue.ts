// Autosave queue (pure): unacknowledged answer/flag steps with per-attempt increasing seqs, persisted
// in a Storage-like object so nothing is lost on reload; batching, acknowledgement, backoff, overlay.
import { z } from 'zod';
import { type ClientStepInput, clientStepInput } from '../../functions/schemas/candidate.ts';

/** The subset of window.localStorage the queue needs (a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type StepDraft =
  | { type: 'answered'; itemId: string; choice: string | null }
  | { type: 'flagged'; itemId: string; flagged: boolean }
  | { type: 'entered'; itemId: string; column: number; row: number; digit: number };

export interface QueueData {
  attemptId: string;
  /** Device epoch the pending seqs were numbered under. */
  epoch: number;
  /** Seq the next enqueued step gets. */
  nextSeq: number;
  /** Unacknowledged steps in seq order. */
  pending: ClientStepInput[];
}

export const MAX_BATCH = 50;

const stored = z.object({
  attemptId: z.string(),
  epoch: z.number().int(),
  nextSeq: z.number().int().min(1),
  pending: z.array(clientStepInput),
});

export const queueKey = (attemptId: string) => `seleksi.queue.${attemptId}`;

export function loadQueue(storage: KeyValueStorage, attemptId: string): QueueData | null {
  let raw: string | null;
  try {
    raw = storage.getItem(queueKey(attemptId));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = stored.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.attemptId === attemptId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Persist; returns false when storage refused (quota, private mode) so the caller can warn. */
export function storeQueue(storage: KeyValueStorage, q: QueueData): boolean {
  try {
    storage.setItem(queueKey(q.attemptId), JSON.stringify(q));
    return true;
  } catch {
    return false;
  }
}

export function clearQueue(storage: KeyValueStorage, attemptId: string): void {
  try {
    storage.removeItem(queueKey(attemptId));
  } catch {
    // nothing to do
  }
}

/**
 * Align a stored queue (or none) with the server's view of the attempt: continue numbering after the
 * server's lastSeq; if the device epoch changed, renumber the still-pending steps after lastSeq.
 */
export function reconcile(
  q: QueueData | null,
  attemptId: string,
  server: { deviceEpoch: number; lastSeq: number },
): QueueData {
  const after = server.lastSeq + 1;
  if (!q || q.attemptId !== attemptId) {
    return { attemptId, epoch: server.deviceEpoch, nextSeq: after, pending: [] };
  }
  if (q.epoch !== server.deviceEpoch) {
    const pending = q.pending.map((step, i) => ({ ...step, seq: after + i }));
    return { attemptId, epoch: server.deviceEpoch, nextSeq: after + pending.length, pending };
  }
  return { ...q, nextSeq: Math.max(q.nextSeq, after) };
}

/**
 * After a 409 CONFLICT (a seq already recorded on the server with other content, e.g. by a second device
 * on the same epoch): renumber every pending step after all seqs handed out so far, keeping their order, so
 * the candidate's latest intent still carries the highest seq. Unacknowledged steps are never dropped.
 */
export function renumberPending(q: QueueData): QueueData {
  const pending = q.pending.map((step, i) => ({ ...step, seq: q.nextSeq + i }));
  return { ...q, nextSeq: q.nextSeq + pending.length, pending };
}

export function enqueue(q: QueueData, draft: StepDraft): { queue: QueueData; step: ClientStepInput } {
  const step: ClientStepInput = { ...draft, seq: q.nextSeq };
  return { queue: { ...q, nextSeq: q.nextSeq + 1, pending: [...q.pending, step] }, step };
}

export function acknowledge(q: QueueData, acked: readonly number[]): QueueData {
  if (acked.length === 0) return q;
  const done = new Set(acked);
  return { ...q, pending: q.pending.filter((s) => !done.has(s.seq)) };
}

export function takeBatch(q: QueueData, max: number = MAX_BATCH): ClientStepInput[] {
  return q.pending.slice(0, Math.max(1, Math.min(max, MAX_BATCH)));
}

/** Exponential backoff with jitter (50–100 % of the step), capped. `failures` counts from 1. */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  baseMs = 500,
  maxMs = 15_000,
) {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step * (0.5 + 0.5 * random()));
}

/** The answers and flags the candidate sees: the server's recorded state with pending steps applied in order. */
export function overlay(
  answers: Readonly<Record<string, string | null>>,
  flags: readonly string[],
  pending: readonly ClientStepInput[],
): { answers: Record<string, string | null>; flags: Set<string> } {
  const a: Record<string, string | null> = { ...answers };
  const f = new Set(flags);
  for (const step of pending) {
    if (step.type === 'answered') a[step.itemId] = step.choice;
    else if (step.type !== 'flagged')
      continue; // Kraepelin entries: shown by the sheet itself
    else if (step.flagged) f.add(step.itemId);
    else f.delete(step.itemId);
  }
  return { answers: a, flags: f };
}
