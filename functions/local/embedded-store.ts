// Embedded store for `npm start` and tests: dynalite on a worker thread + s3rver, optionally persisted.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import S3rver from 's3rver';
import { createStore } from '../store/index.ts';
import type { StoreConfig } from '../store/types.ts';
import type { DynamoWorkerData, DynamoWorkerMessage, StorePause } from './embedded-dynamo-worker.ts';
import { makeObjectWritesAtomic } from './s3rver-atomic.ts';

export type { StorePause } from './embedded-dynamo-worker.ts';

export interface EmbeddedStoreOptions {
  /** Directory for `dynamo/` (LevelDB) and `s3/`; undefined = in-memory (s3rver uses a temp dir). */
  dataDir?: string;
  /** 0 or undefined = a free port. */
  dynamoPort?: number;
  s3Port?: number;
  host?: string;
  tableName?: string;
  publicBucket?: string;
  auditBucket?: string;
  region?: string;
  /** Create the table (and buckets) if absent; default true. */
  ensure?: boolean;
  /**
   * Diagnostics (the benchmark): stalls of the store's worker thread — GC pauses of at least `gcMs` (default 10)
   * and event-loop turns that came back at least `lateMs` (default 50) late.
   */
  storePauses?: { gcMs?: number; lateMs?: number; on: (pause: StorePause) => void };
}

export interface EmbeddedStore {
  dynamoEndpoint: string;
  s3Endpoint: string;
  config: StoreConfig;
  stop(): Promise<void>;
}

export const EMBEDDED_DEFAULTS = {
  tableName: 'seleksi',
  publicBucket: 'seleksi-public',
  auditBucket: 'seleksi-audit',
  region: 'ap-southeast-3',
} as const;

const startDynamoWorker = async (
  data: DynamoWorkerData,
  onPause?: (pause: StorePause) => void,
): Promise<{ port: number; stop: () => Promise<void> }> => {
  const worker = new Worker(new URL('./embedded-dynamo-worker.ts', import.meta.url), { workerData: data });
  if (onPause)
    worker.on('message', (m: DynamoWorkerMessage) => {
      if (m.type === 'pause') onPause(m.pause);
    });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const listening = new Promise<number>((resolve, reject) => {
    const onMessage = (m: DynamoWorkerMessage) => {
      if (m.type === 'listening') resolve(m.port);
      else if (m.type === 'error') reject(new Error(`dynalite: ${m.error}`));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`dynalite worker exited (${code}) before listening`)));
  });
  let port: number;
  try {
    port = await listening;
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<string | undefined>((resolve) => {
        worker.on('message', (m: DynamoWorkerMessage) => {
          if (m.type === 'closed') resolve(m.error);
        });
        worker.once('exit', () => resolve(undefined));
      });
      worker.postMessage('stop');
      const error = await closed;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
      clearTimeout(timer);
      await worker.terminate();
      if (error) throw new Error(`dynalite close: ${error}`);
    })();
    return stopping;
  };
  return { port, stop };
};

export const startEmbeddedStore = async (opts: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> => {
  const host = opts.host ?? '127.0.0.1';
  const names = {
    tableName: opts.tableName ?? EMBEDDED_DEFAULTS.tableName,
    publicBucket: opts.publicBucket ?? EMBEDDED_DEFAULTS.publicBucket,
    auditBucket: opts.auditBucket ?? EMBEDDED_DEFAULTS.auditBucket,
  };

  let dynamoPath: string | undefined;
  let s3Dir: string;
  let tempDir: string | undefined;
  if (opts.dataDir !== undefined) {
    dynamoPath = join(opts.dataDir, 'dynamo');
    s3Dir = join(opts.dataDir, 's3');
    await mkdir(dynamoPath, { recursive: true });
    await mkdir(s3Dir, { recursive: true });
  } else {
    tempDir = await mkdtemp(join(tmpdir(), 'seleksi-s3-'));
    s3Dir = tempDir;
  }

  const dynamo = await startDynamoWorker(
    {
      path: dynamoPath,
      port: opts.dynamoPort ?? 0,
      host,
      ...(opts.storePauses
        ? { report: { gcMs: opts.storePauses.gcMs ?? 10, lateMs: opts.storePauses.lateMs ?? 50 } }
        : {}),
    },
    opts.storePauses?.on,
  );
  let s3: S3rver;
  let s3Port: number;
  try {
    s3 = new S3rver({
      address: host,
      port: opts.s3Port ?? 0,
      silent: true,
      directory: s3Dir,
      configureBuckets: [...new Set([names.publicBucket, names.auditBucket])].map((name) => ({
        name,
        configs: [],
      })),
    });
    // S3 replaces an object atomically; s3rver writes it in place (see s3rver-atomic.ts).
    makeObjectWritesAtomic((s3 as unknown as { store: Parameters<typeof makeObjectWritesAtomic>[0] }).store);
    s3Port = ((await s3.run()) as AddressInfo).port;
  } catch (e) {
    await dynamo.stop();
    throw e;
  }

  const dynamoEndpoint = `http://${host}:${dynamo.port}`;
  const s3Endpoint = `http://${host}:${s3Port}`;
  const config: StoreConfig = {
    ...names,
    region: opts.region ?? EMBEDDED_DEFAULTS.region,
    dynamoEndpoint,
    s3Endpoint,
    // s3rver accepts only S3RVER/S3RVER; dynalite accepts anything.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const results = await Promise.allSettled([dynamo.stop(), s3.close()]);
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    })();
    return stopping;
  };

  if (opts.ensure ?? true) {
    try {
      await createStore(config).ensure();
    } catch (e) {
      await stop();
      throw e;
    }
  }
  return { dynamoEndpoint, s3Endpoint, config, stop };
};
