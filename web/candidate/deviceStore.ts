// This device's copy of an open attempt in IndexedDB (idb): the answer queue (write-through mirror behind
// the synchronous KeyValueStorage the autosave uses) and a snapshot (form, last state, clock sample) so a
// reload while offline can show the exam. Everything of an attempt is deleted after submit and on logout.
import { type IDBPDatabase, openDB } from 'idb';
import type { AttemptStateView, PublicForm } from '../../functions/schemas/candidate.ts';
import type { ClockSample } from '../lib/clock.ts';
import { type KeyValueStorage, queueKey } from './queue.ts';

const DB = 'seleksi';
const KV = 'kv';
const SNAPSHOT = 'snapshot';

export interface Snapshot {
  attemptId: string;
  form: PublicForm;
  state: AttemptStateView;
  sample: ClockSample | null;
  savedAt: number;
}

let db: Promise<IDBPDatabase> | null = null;
function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(KV);
      d.createObjectStore(SNAPSHOT, { keyPath: 'attemptId' });
    },
  });
  return db;
}

/**
 * Synchronous reads from memory, every write also issued to IndexedDB in order (before the autosave sends
 * anything); a refused write (quota, private mode, blocked) is reported once through onError.
 */
export class MirrorStorage implements KeyValueStorage {
  #map: Map<string, string>;
  #onError: (err: unknown) => void;
  constructor(initial: Map<string, string>, onError: (err: unknown) => void) {
    this.#map = initial;
    this.#onError = onError;
  }
  getItem(key: string): string | null {
    return this.#map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#map.set(key, value);
    open()
      .then((d) => d.put(KV, value, key))
      .catch(this.#onError);
  }
  removeItem(key: string): void {
    this.#map.delete(key);
    open()
      .then((d) => d.delete(KV, key))
      .catch(this.#onError);
  }
}

/** The stored queue string of an attempt (IndexedDB, else a queue left in localStorage by an older version). */
export async function loadQueueText(attemptId: string): Promise<Map<string, string>> {
  const key = queueKey(attemptId);
  const map = new Map<string, string>();
  try {
    const v = await (await open()).get(KV, key);
    if (typeof v === 'string') map.set(key, v);
  } catch {
    // IndexedDB unavailable: the mirror reports the failure on the first write
  }
  if (!map.has(key)) {
    try {
      const legacy = localStorage.getItem(key);
      if (legacy) map.set(key, legacy);
    } catch {
      // nothing stored
    }
  }
  return map;
}

export async function loadSnapshot(attemptId: string): Promise<Snapshot | null> {
  try {
    return ((await (await open()).get(SNAPSHOT, attemptId)) as Snapshot | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function saveSnapshot(s: Snapshot): Promise<void> {
  await (await open()).put(SNAPSHOT, s);
}

/** Deletes the attempt's queue and snapshot (item content) from this device. */
export async function forgetAttempt(attemptId: string): Promise<void> {
  try {
    localStorage.removeItem(queueKey(attemptId));
  } catch {
    // nothing to do
  }
  try {
    const d = await open();
    await Promise.all([d.delete(KV, queueKey(attemptId)), d.delete(SNAPSHOT, attemptId)]);
  } catch {
    // nothing stored
  }
}
