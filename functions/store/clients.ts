// Store clients (the lean DynamoDB client, the SDK's S3 client) built once per process per StoreConfig, keep-alive.
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoClient } from './dynamo-client.ts';
import type { StoreConfig } from './types.ts';

export interface StoreClients {
  dynamo: DynamoClient;
  /**
   * The S3 client, built on first use: @aws-sdk/client-s3 is loaded by a dynamic import then, not when the
   * store is created. The candidate function touches S3 only for stored item images, and importing the S3
   * client costs ≈ 40 ms CPU of its cold start (measured, docs/benchmarks.md, Lambda section).
   */
  s3(): Promise<S3Client>;
}

/** s3rver accepts only these credentials. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** dynalite checks no signatures; any static pair will do. */
const LOCAL_DYNAMO_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

const cache = new Map<string, StoreClients>();
/** The S3 client promise of each cached entry, if it was asked for. */
const built = new WeakMap<StoreClients, () => Promise<S3Client> | undefined>();

const cacheKey = (c: StoreConfig): string =>
  JSON.stringify([
    c.region,
    c.dynamoEndpoint ?? '',
    c.s3Endpoint ?? '',
    c.credentials?.accessKeyId ?? '',
    c.credentials?.secretAccessKey ?? '',
  ]);

const requestHandler = (local: boolean) => ({
  httpAgent: { keepAlive: true, maxSockets: 256 },
  httpsAgent: { keepAlive: true, maxSockets: 256 },
  connectionTimeout: local ? 2_000 : 1_000,
  requestTimeout: local ? 10_000 : 5_000,
});

/**
 * The lean client (dynamo-client.ts), the same on AWS and locally: dynalite checks only that a well-formed
 * SigV4 header and a date are present, and the signer caches its derived key per day, so signing a put costs
 * two SHA-256 and one HMAC.
 */
const buildDynamo = (c: StoreConfig): DynamoClient => {
  const local = c.dynamoEndpoint !== undefined;
  return new DynamoClient({
    region: c.region,
    ...(local
      ? {
          endpoint: c.dynamoEndpoint,
          credentials: c.credentials ?? LOCAL_DYNAMO_CREDENTIALS,
          // Local store: a failing dynalite should surface fast, not after a long retry chain.
          maxAttempts: 2,
        }
      : { ...(c.credentials ? { credentials: c.credentials } : {}), maxAttempts: 4 }),
    maxSockets: 256,
    connectionTimeout: local ? 2_000 : 1_000,
    requestTimeout: local ? 10_000 : 5_000,
  });
};

const buildS3 = async (c: StoreConfig): Promise<S3Client> => {
  const { S3Client } = await import('@aws-sdk/client-s3');
  const local = c.s3Endpoint !== undefined;
  return new S3Client({
    region: c.region,
    ...(local
      ? {
          endpoint: c.s3Endpoint,
          credentials: c.credentials ?? S3RVER_CREDENTIALS,
          forcePathStyle: true,
          maxAttempts: 2,
          // Without these, s3rver stores streamed uploads with their aws-chunked framing (DESIGN.md).
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : { maxAttempts: 3 }),
    requestHandler: requestHandler(local),
  });
};

/** Clients for this config; the same instances for every call with an equivalent config. */
export const clientsFor = (config: StoreConfig): StoreClients => {
  const key = cacheKey(config);
  let clients = cache.get(key);
  if (!clients) {
    let s3: Promise<S3Client> | undefined;
    clients = {
      dynamo: buildDynamo(config),
      s3: () => {
        s3 ??= buildS3(config);
        return s3;
      },
    };
    built.set(clients, () => s3);
    cache.set(key, clients);
  }
  return clients;
};

/** Destroys cached clients (sockets) — for tests and for the local runtime's shutdown. */
export const destroyClients = (): void => {
  for (const c of cache.values()) {
    c.dynamo.destroy();
    // Only an S3 client that was built (destroying must not load the module for nothing).
    void built
      .get(c)?.()
      ?.then((s3) => s3.destroy());
  }
  cache.clear();
};
