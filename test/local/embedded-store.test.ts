// The embedded runtime started from inside a vitest worker: persistence across stop + restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type StorePause, startEmbeddedStore } from '../../functions/local/embedded-store.ts';
import { createStore } from '../../functions/store/index.ts';
import { attemptMeta } from '../store/fixtures.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('embedded store', () => {
  it('data survives stop + restart on the same dataDir (dynamo and s3)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'seleksi-persist-'));
    dirs.push(dataDir);

    const first = await startEmbeddedStore({ dataDir });
    const s1 = createStore(first.config);
    expect(await s1.ping()).toBe('ok');
    await s1.attempts.create(attemptMeta('persist'));
    for (let i = 0; i < 100; i++)
      await s1.attempts.appendClientStep('persist', {
        type: 'answered',
        itemId: `q${i}`,
        choice: 'b',
        at: 1_000 + i,
        deviceEpoch: 1,
        clientSeq: i,
      });
    await s1.objects.put(first.config.publicBucket, 'published/r.json', '{"ok":true}', 'application/json');
    await first.stop();
    await first.stop(); // idempotent

    const second = await startEmbeddedStore({ dataDir });
    try {
      const s2 = createStore(second.config);
      expect(await s2.attempts.get('persist', true)).toEqual(attemptMeta('persist'));
      expect(await s2.attempts.readSteps('persist')).toHaveLength(101); // the META's started step + 100
      expect((await s2.objects.get(second.config.publicBucket, 'published/r.json'))?.toString()).toBe(
        '{"ok":true}',
      );
      await s2.ensure(); // idempotent on an existing table and buckets
    } finally {
      await second.stop();
    }
  });

  it('in-memory store starts on free ports and forgets on stop', async () => {
    const a = await startEmbeddedStore({ tableName: 'mem' });
    expect(a.dynamoEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.s3Endpoint).not.toBe(a.dynamoEndpoint);
    const s = createStore(a.config);
    await s.users.put({ id: 'u', name: 'U', role: 'admin', passwordHash: 'h' });
    await a.stop();
    const b = await startEmbeddedStore({ tableName: 'mem' });
    try {
      expect(await createStore(b.config).users.get('u')).toBeUndefined();
    } finally {
      await b.stop();
    }
  });

  it('reports stalls of the store thread when asked (diagnostics): GC pauses, none below the threshold', async () => {
    const every: StorePause[] = [];
    const long: StorePause[] = [];
    const t0 = Date.now();
    const a = await startEmbeddedStore({ storePauses: { gcMs: 0, on: (p) => every.push(p) } });
    const b = await startEmbeddedStore({
      storePauses: { gcMs: 60_000, lateMs: 60_000, on: (p) => long.push(p) },
    });
    try {
      // The same garbage on each dynalite thread: enough for at least one scavenge.
      for (const store of [createStore(a.config), createStore(b.config)]) {
        await store.attempts.create(attemptMeta('gc'));
        for (let i = 0; i < 20; i++)
          await Promise.all(
            Array.from({ length: 25 }, (_, j) =>
              store.attempts.appendClientStep('gc', {
                type: 'answered',
                itemId: `q${j}-${'x'.repeat(1_000)}`,
                choice: 'b',
                at: i,
                deviceEpoch: 1,
                clientSeq: i * 25 + j,
              }),
            ),
          );
      }
      await new Promise((r) => setTimeout(r, 50)); // the observer's batch and the message
      expect(every.length).toBeGreaterThan(0);
      expect(long).toEqual([]);
      for (const p of every) {
        expect(p.what).toMatch(/^(gc (minor|major|incremental|weak|other)|loop late)$/);
        expect(p.at).toBeGreaterThanOrEqual(t0 - 5); // epoch ms (timeOrigin + startTime: rounding)
        expect(p.at).toBeLessThanOrEqual(Date.now());
        expect(p.ms).toBeGreaterThanOrEqual(0);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('ping on a stopped store -> STORE_UNAVAILABLE', async () => {
    const a = await startEmbeddedStore({});
    const s = createStore(a.config);
    await a.stop();
    await expect(s.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('a taken port fails the start cleanly', async () => {
    const a = await startEmbeddedStore({ ensure: false });
    try {
      const port = Number(new URL(a.dynamoEndpoint).port);
      await expect(startEmbeddedStore({ dynamoPort: port, ensure: false })).rejects.toThrow(
        /EADDRINUSE|dynalite/,
      );
    } finally {
      await a.stop();
    }
  });
});
