// AWS SDK clients (DynamoDB, S3) built once per process per StoreConfig, with keep-alive agents.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { StoreConfig } from './types.ts';

export interface StoreClients {
  dynamo: DynamoDBClient;
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
  httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
  httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
  connectionTimeout: local ? 2_000 : 1_000,
  requestTimeout: local ? 10_000 : 5_000,
});

/** SigV4 date (YYYYMMDDTHHMMSSZ), recomputed at most once per second. */
let amzDateAt = 0;
let amzDateValue = '';
const amzDate = (): string => {
  const now = Date.now();
  if (now - amzDateAt >= 1_000) {
    amzDateAt = now - (now % 1_000);
    amzDateValue = new Date(amzDateAt).toISOString().replace(/[-:]|\.\d{3}/g, '');
  }
  return amzDateValue;
};

/**
 * Local store only: dynalite checks no signature, only that a date and a well-formed SigV4 header are present
 * (DESIGN.md, Local runtime). A fixed header replaces the per-request canonical request, SHA-256 and HMAC chain,
 * the largest single cost of a put in the hot-path profile. AWS endpoints keep the SDK's real signer.
 */
const localSigner = (region: string, accessKeyId: string) => ({
  async sign<R extends { headers: Record<string, string> }>(request: R): Promise<R> {
    const date = amzDate();
    request.headers['x-amz-date'] = date;
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${date.slice(0, 8)}/${region}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
    return request;
  },
});

/**
 * Middleware the embedded store does not need (names as registered by @aws-sdk/middleware-logger,
 * -user-agent and -recursion-detection): the logger walks every output schema for a no-op logger, the user
 * agent is rebuilt and escaped per request, recursion detection reads Lambda env vars. Retry, signing, host,
 * content-length, endpoint and (de)serialization stay.
 */
const LOCAL_SKIPPED_MIDDLEWARE = [
  'loggerMiddleware',
  'getUserAgentMiddleware',
  'recursionDetectionMiddleware',
] as const;

const buildDynamo = (c: StoreConfig): DynamoDBClient => {
  const local = c.dynamoEndpoint !== undefined;
  const credentials = c.credentials ?? LOCAL_DYNAMO_CREDENTIALS;
  const client = new DynamoDBClient({
    region: c.region,
    ...(local
      ? {
          endpoint: c.dynamoEndpoint,
          credentials,
          // Local store: a failing dynalite should surface fast, not after a long retry chain.
          maxAttempts: 2,
          signer: localSigner(c.region, credentials.accessKeyId),
          // A fixed endpoint: skip evaluating the endpoint rule set on every request.
          endpointProvider: () => ({ url: new URL(c.dynamoEndpoint!) }),
          // Resolve each command's middleware chain once per command class instead of on every send.
          cacheMiddleware: true,
        }
      : { maxAttempts: 4 }),
    requestHandler: requestHandler(local),
  });
  if (local) for (const name of LOCAL_SKIPPED_MIDDLEWARE) client.middlewareStack.remove(name);
  return client;
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
