// AWS SDK clients (DynamoDB, S3) built once per process per StoreConfig, with keep-alive agents.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { StoreConfig } from './types.ts';

export interface StoreClients {
  dynamo: DynamoDBClient;
  s3: S3Client;
}

/** s3rver accepts only these credentials. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** dynalite checks no signatures; any static pair will do. */
const LOCAL_DYNAMO_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

const cache = new Map<string, StoreClients>();

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

const buildDynamo = (c: StoreConfig): DynamoDBClient => {
  const local = c.dynamoEndpoint !== undefined;
  return new DynamoDBClient({
    region: c.region,
    ...(local
      ? {
          endpoint: c.dynamoEndpoint,
          credentials: c.credentials ?? LOCAL_DYNAMO_CREDENTIALS,
          // Local store: a failing dynalite should surface fast, not after a long retry chain.
          maxAttempts: 2,
        }
      : { maxAttempts: 4 }),
    requestHandler: requestHandler(local),
  });
};

const buildS3 = (c: StoreConfig): S3Client => {
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
    clients = { dynamo: buildDynamo(config), s3: buildS3(config) };
    cache.set(key, clients);
  }
  return clients;
};

/** Destroys cached clients (sockets) — for tests and for the local runtime's shutdown. */
export const destroyClients = (): void => {
  for (const c of cache.values()) {
    c.dynamo.destroy();
    c.s3.destroy();
  }
  cache.clear();
};
