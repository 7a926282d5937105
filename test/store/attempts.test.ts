import { beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../functions/domain/steps.ts';
import type { Store, StoredClientStep } from '../../functions/store/types.ts';
import { storeUnits } from '../../functions/store/units.ts';
import { attemptMeta, result } from './fixtures.ts';
import { testStore } from './helpers.ts';

let store: Store;
let paged: Store;
beforeAll(async () => {
  store = await testStore();
  paged = await testStore({ pageLimit: 7 });
});

const answered = (
  deviceEpoch: number,
  clientSeq: number,
  choice: string | null = 'a',
  at = 1_000,
): StoredClientStep => ({
  type: 'answered',
  itemId: `item-${clientSeq}`,
  choice,
  at,
  deviceEpoch,
  clientSeq,
});

describe('attempt META', () => {
  it('create, get (eventual and consistent); second create -> ALREADY_STARTED', async () => {
    const m = attemptMeta('a-create');
    await store.attempts.create(m);
    expect(await store.attempts.get('a-create')).toEqual(m);
    expect(await store.attempts.get('a-create', true)).toEqual(m);
    await expect(store.attempts.create({ ...m, seed: 'other' })).rejects.toMatchObject({
      code: 'ALREADY_STARTED',
    });
    expect((await store.attempts.get('a-create'))?.seed).toBe(m.seed);
    expect(await store.attempts.get('none')).toBeUndefined();
  });

  it('update bumps the version; a stale version -> CONFLICT and nothing changes', async () => {
    const m = attemptMeta('a-update');
    await store.attempts.create(m);
    const paused = await store.attempts.update({ ...m, state: 'paused', pausedAt: 5 }, 1);
    expect(paused.version).toBe(2);
    expect(await store.attempts.get('a-update', true)).toEqual(paused);
    await expect(store.attempts.update({ ...m, state: 'submitted' }, 1)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await store.attempts.get('a-update', true))?.state).toBe('paused');
    // Optional fields removed by an update are gone from the item.
    const { pausedAt: _, ...resumed } = paused;
    const back = await store.attempts.update({ ...resumed, state: 'running' }, 2);
    expect(await store.attempts.get('a-update', true)).toEqual(back);
  });

  it('the META carries the started step: readSteps lists it once, updates keep it, META reads do not show it', async () => {
    const m = attemptMeta('a-started', { startedAt: 4_000, sessionId: 's-started' });
    await store.attempts.create(m);
    const started: Step = { type: 'started', deviceEpoch: 1, at: 4_000 };
    expect(await store.attempts.readSteps('a-started')).toEqual([started]);
    const paused = await store.attempts.update({ ...m, state: 'paused', pausedAt: 5_000 }, 1);
    await store.attempts.putResult(result('a-started'));
    expect(await store.attempts.readSteps('a-started')).toEqual([started]);
    expect(await store.attempts.get('a-started', true)).toEqual(paused);
    expect(await store.attempts.listBySession(m.sessionId)).toContainEqual(paused);
    // A put that would record another started step (a changed startedAt) is refused: the log is append-only.
    await expect(store.attempts.update({ ...paused, startedAt: 9_000 }, 2)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await store.attempts.readSteps('a-started')).toEqual([started]);
  });

  it('create is one write (META with its started step); a second create writes nothing', async () => {
    const before = storeUnits.snapshot().requests;
    await store.attempts.create(attemptMeta('a-one'));
    expect(storeUnits.snapshot().requests - before).toBe(1);
    await expect(store.attempts.create(attemptMeta('a-one', { startedAt: 7 }))).rejects.toMatchObject({
      code: 'ALREADY_STARTED',
    });
    expect(await store.attempts.readSteps('a-one')).toEqual([
      { type: 'started', deviceEpoch: 1, at: attemptMeta('a-one').startedAt },
    ]);
  });

  it('update of a missing attempt -> CONFLICT', async () => {
    await expect(store.attempts.update(attemptMeta('ghost'), 1)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('listBySession (GSI1) returns the attempts of one session only, across pages', async () => {
    for (let i = 0; i < 20; i++) await paged.attempts.create(attemptMeta(`m-${i}`, { sessionId: 'mon' }));
    await paged.attempts.create(attemptMeta('elsewhere', { sessionId: 'other' }));
    const list = await paged.attempts.listBySession('mon');
    expect(list).toHaveLength(20);
    expect(list.every((a) => a.sessionId === 'mon')).toBe(true);
    expect(list.map((a) => a.attemptId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `m-${i}`).sort(),
    );
    expect(await paged.attempts.listBySession('empty')).toEqual([]);
  });
});

describe('client steps (hot path)', () => {
  it('same (epoch, seq) twice: second is duplicate and the first value stays', async () => {
    const first = answered(1, 1, 'a', 1_000);
    expect(await store.attempts.appendClientStep('a-idem', first)).toBe('written');
    // A retry of the same save: content equal, later receipt time.
    expect(await store.attempts.appendClientStep('a-idem', { ...first, at: 2_000 })).toBe('duplicate');
    expect(await store.attempts.readSteps('a-idem')).toEqual([first]);
  });

  it.each([
    [1, 0, true],
    [1, 2, true],
    [1, 3, false], // seq 3 is the last of epoch 1
    [2, 0, true],
    [2, 1, false],
    [3, 0, false], // no steps at all in epoch 3
  ])(
    'hasClientStepAfter(epoch %i, seq %i) = %s (only that epoch, only higher seqs)',
    async (epoch, after, expected) => {
      const id = 'a-tail';
      if ((await store.attempts.readSteps(id)).length === 0) {
        for (const [e, q] of [
          [1, 1],
          [1, 2],
          [1, 3],
          [2, 1],
        ] as const)
          await store.attempts.appendClientStep(id, answered(e, q, 'a'));
      }
      expect(await store.attempts.hasClientStepAfter(id, epoch, after)).toBe(expected);
    },
  );

  it('same (epoch, seq) with other content -> conflict, first value stays', async () => {
    const first = answered(1, 1, 'a');
    await store.attempts.appendClientStep('a-conf', first);
    expect(await store.attempts.appendClientStep('a-conf', answered(1, 1, 'b'))).toBe('conflict');
    expect(
      await store.attempts.appendClientStep('a-conf', {
        ...first,
        type: 'flagged',
        flagged: true,
      } as StoredClientStep),
    ).toBe('conflict');
    expect(await store.attempts.readSteps('a-conf')).toEqual([first]);
  });

  it('a seq recorded as rejected -> conflict even with the same content', async () => {
    const late: StoredClientStep = { ...answered(1, 3), rejected: 'late' };
    await store.attempts.appendClientStep('a-rej', late);
    expect(await store.attempts.appendClientStep('a-rej', answered(1, 3))).toBe('conflict');
  });

  it('flagged steps round-trip; duplicate of a flag is a duplicate', async () => {
    const f: StoredClientStep = {
      type: 'flagged',
      itemId: 'q1',
      flagged: true,
      at: 5,
      deviceEpoch: 2,
      clientSeq: 0,
    };
    expect(await store.attempts.appendClientStep('a-flag', f)).toBe('written');
    expect(await store.attempts.appendClientStep('a-flag', f)).toBe('duplicate');
    expect(await store.attempts.readSteps('a-flag')).toEqual([f]);
  });

  it('out-of-order seqs are all written and read back in (epoch, seq) order', async () => {
    const order = [5, 1, 10, 9, 2, 100];
    for (const seq of order)
      expect(await store.attempts.appendClientStep('a-ooo', answered(1, seq))).toBe('written');
    await store.attempts.appendClientStep('a-ooo', answered(2, 1));
    await store.attempts.appendClientStep('a-ooo', answered(0, 7));
    const steps = await store.attempts.readSteps('a-ooo');
    expect(steps.map((s) => [s.deviceEpoch, s.clientSeq])).toEqual([
      [0, 7],
      [1, 1],
      [1, 2],
      [1, 5],
      [1, 9],
      [1, 10],
      [1, 100],
      [2, 1],
    ]);
  });

  it('concurrent saves of distinct seqs all land', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.attempts.appendClientStep('a-conc', answered(1, i))),
    );
    expect(results.every((r) => r === 'written')).toBe(true);
    expect(await store.attempts.readSteps('a-conc')).toHaveLength(50);
  });

  it('concurrent retries of one seq: exactly one written', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.attempts.appendClientStep('a-race', answered(1, 1))),
    );
    expect(results.filter((r) => r === 'written')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(9);
  });
});

describe('server steps and readSteps', () => {
  it('server steps are unique per call (nonce) even at the same ms, listed before client steps', async () => {
    const started: Step = { type: 'started', deviceEpoch: 1, at: 1_000 };
    const paused: Step = {
      type: 'paused',
      actor: { role: 'proctor', id: 'p1' },
      reason: 'toilet',
      at: 2_000,
    };
    const resumed: Step = {
      type: 'resumed',
      actor: { role: 'proctor', id: 'p1' },
      reason: 'back',
      at: 2_000,
    };
    await store.attempts.appendClientStep('a-srv', answered(1, 1, 'c', 1_500));
    await store.attempts.appendServerStep('a-srv', paused);
    await store.attempts.appendServerStep('a-srv', started);
    await store.attempts.appendServerStep('a-srv', resumed);
    await store.attempts.appendServerStep('a-srv', started);
    await store.attempts.create(attemptMeta('a-srv', { startedAt: 1_000 }));
    await store.attempts.putResult(result('a-srv'));
    const steps = await store.attempts.readSteps('a-srv');
    // EVT#… in key order, then the META's own started step, then STEP#… (the RESULT carries none).
    expect(steps).toHaveLength(6);
    expect(steps.slice(0, 2)).toEqual([started, started]);
    expect(steps.slice(2, 4)).toEqual(expect.arrayContaining([paused, resumed]));
    expect(steps[4]).toEqual(started);
    expect(steps[5]).toEqual(answered(1, 1, 'c', 1_500));
  });

  it('paginates with a small page size (Limit)', async () => {
    for (let i = 0; i < 30; i++) await paged.attempts.appendClientStep('a-page', answered(1, i));
    await paged.attempts.appendServerStep('a-page', { type: 'started', deviceEpoch: 1, at: 1 });
    const steps = await paged.attempts.readSteps('a-page');
    expect(steps).toHaveLength(31);
    expect(steps.slice(1).map((s) => s.clientSeq)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('paginates past DynamoDB 1 MB pages', async () => {
    const big = 'x'.repeat(3_000);
    const n = 400; // ≈ 1.2 MB of steps
    for (let i = 0; i < n; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          store.attempts.appendClientStep('a-mb', answered(3, i + j, big)),
        ),
      );
    const before = storeUnits.snapshot().reads;
    const steps = await store.attempts.readSteps('a-mb');
    expect(storeUnits.snapshot().reads - before).toBeGreaterThanOrEqual(2); // more than one page
    expect(steps).toHaveLength(n);
    expect(steps.map((s) => s.clientSeq)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('unknown attempt -> no steps', async () => {
    expect(await store.attempts.readSteps('nobody')).toEqual([]);
  });
});

describe('results (GSI2 ranking order)', () => {
  it('put/get round trip; regrade overwrites', async () => {
    const r = result('r-1', { passed: null });
    await store.attempts.putResult(r);
    expect(await store.attempts.getResult('r-1')).toEqual(r);
    await store.attempts.putResult({ ...r, total: 410 });
    expect((await store.attempts.getResult('r-1'))?.total).toBe(410);
    expect(await store.attempts.getResult('nobody')).toBeUndefined();
  });

  it('ranks: passing first, higher total, then TKP, TIU, TWK', async () => {
    const rows = [
      result('fail-high', { passed: false, total: 500, sections: { TWK: 50, TIU: 200, TKP: 250 } }),
      result('pass-400-tkp200-tiu100', { total: 400, sections: { TWK: 100, TIU: 100, TKP: 200 } }),
      result('pass-450', { total: 450, sections: { TWK: 100, TIU: 150, TKP: 200 } }),
      result('pass-400-tkp210', { total: 400, sections: { TWK: 90, TIU: 100, TKP: 210 } }),
      result('pass-400-tkp200-tiu110', { total: 400, sections: { TWK: 90, TIU: 110, TKP: 200 } }),
      result('fail-low', { passed: false, total: 100, sections: { TWK: 10, TIU: 10, TKP: 80 } }),
      result('null-mid', { passed: null, total: 300, sections: { TWK: 100, TIU: 100, TKP: 100 } }),
      result('other-formation', { formationId: 'F2', total: 999 }),
      result('pass-400-twk-tie-a', { total: 400, sections: { TWK: 95, TIU: 100, TKP: 205 } }),
      result('pass-400-twk-tie-b', { total: 400, sections: { TWK: 95.5, TIU: 100, TKP: 204.5 } }),
    ];
    for (const r of rows) await paged.attempts.putResult(r);
    const ranked = await paged.attempts.listResultsByFormation('F1');
    expect(ranked.map((r) => r.attemptId)).toEqual([
      'pass-450',
      'pass-400-tkp210',
      'pass-400-twk-tie-a',
      'pass-400-twk-tie-b',
      'pass-400-tkp200-tiu110',
      'pass-400-tkp200-tiu100',
      'fail-high',
      'null-mid',
      'fail-low',
    ]);
    expect((await paged.attempts.listResultsByFormation('F2')).map((r) => r.attemptId)).toEqual([
      'other-formation',
    ]);
  });

  it('a regrade moves the result in the ranking (old GSI2 key replaced)', async () => {
    await store.attempts.putResult(result('g-1', { formationId: 'G', total: 100 }));
    await store.attempts.putResult(result('g-2', { formationId: 'G', total: 200 }));
    await store.attempts.putResult(result('g-1', { formationId: 'G', total: 300 }));
    const ranked = await store.attempts.listResultsByFormation('G');
    expect(ranked.map((r) => [r.attemptId, r.total])).toEqual([
      ['g-1', 300],
      ['g-2', 200],
    ]);
  });
});
