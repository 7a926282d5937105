// Autosave queue: pure queue operations and the sender loop, with a Map-backed storage and a fake clock.
import { describe, expect, it } from 'vitest';
import type { ClientStepInput, SaveAnswersResponse } from '../../functions/schemas/candidate.ts';
import { ApiError } from '../../web/api/errors.ts';
import { Autosave, type SaveStatus, type Timers } from '../../web/candidate/autosave.ts';
import {
  acknowledge,
  backoffDelay,
  enqueue,
  type KeyValueStorage,
  loadQueue,
  MAX_BATCH,
  overlay,
  type QueueData,
  queueKey,
  reconcile,
  storeQueue,
  takeBatch,
} from '../../web/candidate/queue.ts';

class MemoryStorage implements KeyValueStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** Fake timers: a virtual clock; advance(ms) runs due callbacks in time order. */
class FakeClock implements Timers {
  now = 0;
  #next = 1;
  #tasks = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number) {
    const id = this.#next++;
    this.#tasks.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(h: unknown) {
    this.#tasks.delete(h as number);
  }
  get pending() {
    return [...this.#tasks.values()].map((t) => t.at - this.now);
  }
  async advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.#tasks.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#tasks.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
      await settle();
    }
    this.now = end;
  }
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const A = 'att-1';
const fresh = (): QueueData => reconcile(null, A, { deviceEpoch: 1, lastSeq: 0 });
const answer = (itemId: string, choice: string | null) => ({ type: 'answered' as const, itemId, choice });

describe('queue (pure)', () => {
  it('numbers steps after the server lastSeq and keeps them in order', () => {
    let q = reconcile(null, A, { deviceEpoch: 1, lastSeq: 7 });
    q = enqueue(q, answer('i1', 'a')).queue;
    q = enqueue(q, { type: 'flagged', itemId: 'i1', flagged: true }).queue;
    expect(q.pending.map((s) => s.seq)).toEqual([8, 9]);
    expect(q.nextSeq).toBe(10);
  });

  it('acknowledge drops exactly the acked seqs', () => {
    let q = fresh();
    for (const c of ['a', 'b', 'c']) q = enqueue(q, answer(`i-${c}`, c)).queue;
    q = acknowledge(q, [1, 3, 99]);
    expect(q.pending.map((s) => s.seq)).toEqual([2]);
  });

  it('round-trips through storage and ignores garbage', () => {
    const storage = new MemoryStorage();
    const q = enqueue(fresh(), answer('i1', 'b')).queue;
    storeQueue(storage, q);
    expect(loadQueue(storage, A)).toEqual(q);
    storage.setItem(queueKey('att-2'), '{not json');
    expect(loadQueue(storage, 'att-2')).toBeNull();
    storage.setItem(
      queueKey('att-3'),
      JSON.stringify({ attemptId: 'att-3', epoch: 1, nextSeq: 0, pending: [] }),
    );
    expect(loadQueue(storage, 'att-3')).toBeNull();
  });

  it('reconcile continues after lastSeq on reload, keeping pending steps', () => {
    const q = enqueue(enqueue(fresh(), answer('i1', 'a')).queue, answer('i2', 'b')).queue; // seqs 1,2
    const r = reconcile(q, A, { deviceEpoch: 1, lastSeq: 5 });
    expect(r.pending.map((s) => s.seq)).toEqual([1, 2]);
    expect(r.nextSeq).toBe(6);
  });

  it('reconcile renumbers pending steps after a device epoch change', () => {
    const q = enqueue(enqueue(fresh(), answer('i1', 'a')).queue, answer('i2', 'b')).queue;
    const r = reconcile(q, A, { deviceEpoch: 2, lastSeq: 0 });
    expect(r.epoch).toBe(2);
    expect(r.pending.map((s) => [s.seq, s.itemId])).toEqual([
      [1, 'i1'],
      [2, 'i2'],
    ]);
    expect(reconcile(q, A, { deviceEpoch: 2, lastSeq: 4 }).pending.map((s) => s.seq)).toEqual([5, 6]);
  });

  it('takeBatch caps at 50', () => {
    let q = fresh();
    for (let i = 0; i < 120; i++) q = enqueue(q, answer(`i${i}`, 'a')).queue;
    expect(takeBatch(q)).toHaveLength(MAX_BATCH);
    expect(takeBatch(q, 10).map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 1, 1000],
    [4, 1, 4000],
    [10, 1, 15000],
  ])('backoffDelay(%i failures, random %d) = %i', (failures, r, expected) => {
    expect(backoffDelay(failures, () => r)).toBe(expected);
  });

  it('overlay applies pending answers and flags in seq order over the server state', () => {
    const pending: ClientStepInput[] = [
      { seq: 4, type: 'answered', itemId: 'i1', choice: 'c' },
      { seq: 5, type: 'flagged', itemId: 'i2', flagged: true },
      { seq: 6, type: 'flagged', itemId: 'i3', flagged: false },
      { seq: 7, type: 'answered', itemId: 'i1', choice: null },
    ];
    const v = overlay({ i1: 'a', i4: 'd' }, ['i3'], pending);
    expect(v.answers).toEqual({ i1: null, i4: 'd' });
    expect([...v.flags]).toEqual(['i2']);
  });
});

describe('Autosave sender loop', () => {
  const ok = (acked: number[]): SaveAnswersResponse => ({
    acked,
    remainingMs: 60_000,
    state: 'running',
    deadline: 61_000,
    deviceEpoch: 1,
    serverTime: 1,
  });

  function setup(send: (steps: ClientStepInput[]) => Promise<SaveAnswersResponse>) {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    const statuses: SaveStatus[] = [];
    const fatal: ApiError[] = [];
    const saver = new Autosave({
      storage,
      queue: fresh(),
      send,
      timers: clock,
      random: () => 1,
      onChange: (_q, s) => statuses.push(s),
      onFatal: (e) => fatal.push(e),
    });
    return { storage, clock, statuses, fatal, saver };
  }

  it('persists before sending, drops acked steps and ends saved', async () => {
    const sent: number[][] = [];
    const { storage, saver, statuses } = setup(async (steps) => {
      sent.push(steps.map((s) => s.seq));
      // storage already holds the step when the request goes out
      expect(loadQueue(storage, A)?.pending.map((s) => s.seq)).toEqual(
        expect.arrayContaining(steps.map((s) => s.seq)),
      );
      return ok(steps.map((s) => s.seq));
    });
    saver.add(answer('i1', 'a'));
    saver.add(answer('i2', 'b'));
    await saver.flush();
    expect(sent.flat()).toEqual([1, 2]);
    expect(saver.status).toBe('saved');
    expect(statuses[0]).toBe('saving');
    expect(loadQueue(storage, A)?.pending).toEqual([]);
  });

  it('goes offline on network errors, keeps the steps, retries with backoff, then saves', async () => {
    let online = false;
    const { clock, saver, storage } = setup(async (steps) => {
      if (!online) throw new ApiError(0, 'NETWORK', 'offline');
      return ok(steps.map((s) => s.seq));
    });
    saver.add(answer('i1', 'a'));
    await settle();
    expect(saver.status).toBe('offline');
    expect(clock.pending).toEqual([500]);
    saver.add(answer('i2', 'b')); // queued while waiting: no extra request
    await clock.advance(500);
    expect(saver.failures).toBe(2);
    expect(clock.pending).toEqual([1000]);
    expect(loadQueue(storage, A)?.pending.map((s) => s.seq)).toEqual([1, 2]);
    online = true;
    await clock.advance(1000);
    expect(saver.status).toBe('saved');
    expect(loadQueue(storage, A)?.pending).toEqual([]);
  });

  it('resume() skips the backoff wait (browser back online)', async () => {
    let calls = 0;
    const { clock, saver } = setup(async (steps) => {
      calls++;
      if (calls === 1) throw new ApiError(503, 'STORE_UNAVAILABLE', 'busy');
      return ok(steps.map((s) => s.seq));
    });
    saver.add(answer('i1', 'a'));
    await settle();
    expect(saver.status).toBe('saving');
    expect(clock.pending).toHaveLength(1);
    expect(await saver.flush()).toBe(true);
    expect(clock.pending).toHaveLength(0);
  });

  it('a reloaded page resends what was never acknowledged, under the same seqs', async () => {
    const first = setup(async () => {
      throw new ApiError(0, 'NETWORK', 'offline');
    });
    first.saver.add(answer('i1', 'a'));
    first.saver.add({ type: 'flagged', itemId: 'i1', flagged: true });
    await settle();
    first.saver.stop();

    const sent: ClientStepInput[] = [];
    const restored = reconcile(loadQueue(first.storage, A), A, { deviceEpoch: 1, lastSeq: 0 });
    const saver = new Autosave({
      storage: first.storage,
      queue: restored,
      send: async (steps) => {
        sent.push(...steps);
        return ok(steps.map((s) => s.seq));
      },
      timers: new FakeClock(),
    });
    expect(saver.status).toBe('saving');
    expect(await saver.flush()).toBe(true);
    expect(sent.map((s) => [s.seq, s.type])).toEqual([
      [1, 'answered'],
      [2, 'flagged'],
    ]);
    expect(saver.add(answer('i2', 'c')).seq).toBe(3);
  });

  it('backs off when the server acknowledges none of a batch (no hot loop)', async () => {
    let calls = 0;
    const { clock, saver } = setup(async () => {
      calls++;
      return ok([]);
    });
    saver.add(answer('i1', 'a'));
    await settle();
    expect(calls).toBe(1);
    expect(clock.pending).toEqual([500]);
  });

  it.each(['ATTEMPT_SUBMITTED', 'ATTEMPT_EXPIRED', 'RETIRED_DEVICE'])(
    'stops on %s and reports it',
    async (code) => {
      const { saver, fatal, storage, clock } = setup(async () => {
        throw new ApiError(409, code, code);
      });
      saver.add(answer('i1', 'a'));
      await settle();
      expect(saver.status).toBe('blocked');
      expect(fatal.map((e) => e.code)).toEqual([code]);
      expect(clock.pending).toEqual([]);
      expect(loadQueue(storage, A)?.pending).toHaveLength(1); // kept on the device for the record
    },
  );

  it('on 409 CONFLICT renumbers the pending steps past every used seq and saves them, in order', async () => {
    const sent: Array<Array<[number, string]>> = [];
    let conflicts = 1;
    const { storage, clock, saver } = setup(async (steps) => {
      sent.push(steps.map((s) => [s.seq, s.type === 'answered' ? `${s.itemId}=${s.choice}` : s.itemId]));
      if (conflicts-- > 0) throw new ApiError(409, 'CONFLICT', 'seq used');
      return ok(steps.map((s) => s.seq));
    });
    saver.add(answer('i1', 'a'));
    saver.add(answer('i1', 'b'));
    await saver.flush();
    expect(saver.status).toBe('saving');
    expect(loadQueue(storage, A)?.pending.map((s) => s.seq)).toEqual([3, 4]);
    await clock.advance(60_000);
    await saver.flush();
    expect(saver.status).toBe('saved');
    expect(sent[0]![0]).toEqual([1, 'i1=a']); // refused: seq 1 is taken on the server
    expect(sent.at(-1)).toEqual([
      [3, 'i1=a'],
      [4, 'i1=b'],
    ]);
  });

  it('keeps retrying while the proctor has paused the attempt', async () => {
    const { saver, fatal, clock } = setup(async () => {
      throw new ApiError(423, 'ATTEMPT_PAUSED', 'paused');
    });
    saver.add(answer('i1', 'a'));
    await settle();
    expect(fatal).toEqual([]);
    expect(clock.pending).toHaveLength(1);
  });

  it('a stopped saver does not overwrite the stored queue of its successor', async () => {
    let release: (v: SaveAnswersResponse) => void = () => {};
    const { saver, storage } = setup(() => new Promise((r) => (release = r)));
    saver.add(answer('i1', 'a'));
    saver.stop();
    const successor = new Autosave({
      storage,
      queue: reconcile(loadQueue(storage, A), A, { deviceEpoch: 1, lastSeq: 0 }),
      send: () => new Promise(() => {}),
      timers: new FakeClock(),
    });
    successor.add(answer('i2', 'b'));
    release(ok([1]));
    await settle();
    expect(loadQueue(storage, A)?.pending.map((s) => s.seq)).toEqual([1, 2]);
  });
});
