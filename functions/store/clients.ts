// AWS SDK clients (DynamoDB, S3) built once per process per StoreConfig, with keep-alive agents.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { createDynamoJson, type JsonOperation } from './dynamo-json.ts';
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

/** Local store: a failing dynalite should surface fast, not after a long retry chain. */
const LOCAL_MAX_ATTEMPTS = 2;
const LOCAL_REQUEST_TIMEOUT_MS = 10_000;

const requestHandler = (local: boolean, httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 })) => ({
  httpAgent,
  httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
  connectionTimeout: local ? 2_000 : 1_000,
  requestTimeout: local ? LOCAL_REQUEST_TIMEOUT_MS : 5_000,
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
const localAuthHeaders = (region: string, accessKeyId: string) => (headers: Record<string, string>) => {
  const date = amzDate();
  headers['x-amz-date'] = date;
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${date.slice(0, 8)}/${region}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
};
const localSigner = (region: string, accessKeyId: string) => {
  const sign = localAuthHeaders(region, accessKeyId);
  return {
    async sign<R extends { headers: Record<string, string> }>(request: R): Promise<R> {
      sign(request.headers);
      return request;
    },
  };
};

/** The data-plane commands the local client sends through the lean JSON transport (dynamo-json.ts). */
const JSON_COMMANDS = new Map<unknown, JsonOperation>([
  [PutItemCommand, 'PutItem'],
  [GetItemCommand, 'GetItem'],
  [UpdateItemCommand, 'UpdateItem'],
  [DeleteItemCommand, 'DeleteItem'],
  [QueryCommand, 'Query'],
  [BatchGetItemCommand, 'BatchGetItem'],
  [BatchWriteItemCommand, 'BatchWriteItem'],
]);

/**
 * Local store only (http:// endpoint, no real signature): the store's data-plane commands skip the SDK's
 * middleware stack (schema serde, endpoint and retry middleware, each spreading the whole client config per
 * call) and go as plain JSON over the same keep-alive agent: ≈ 3.5 × less client CPU per PutItem, measured
 * (test/bench/notes.md). Any other command, or a call with options or a callback, takes the SDK path.
 * Outputs and errors keep the SDK's shape where the store reads them (fields, error `name`, `$metadata`).
 * Installed as an own `send`, so aws-sdk-client-mock still stubs the client in tests.
 */
const sendDataPlaneAsJson = (
  client: DynamoDBClient,
  c: StoreConfig,
  agent: HttpAgent,
  accessKeyId: string,
): void => {
  const lean = createDynamoJson({
    endpoint: c.dynamoEndpoint!,
    sign: localAuthHeaders(c.region, accessKeyId),
    agent,
    maxAttempts: LOCAL_MAX_ATTEMPTS,
    requestTimeoutMs: LOCAL_REQUEST_TIMEOUT_MS,
  });
  const sdkSend = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const send = (command: { input: object }, ...rest: unknown[]): Promise<unknown> => {
    const operation = JSON_COMMANDS.get(command.constructor);
    if (operation === undefined || rest.length > 0) return sdkSend(command, ...rest);
    return lean.call(operation, command.input).then((out) => {
      out.$metadata = { httpStatusCode: 200 };
      return out;
    });
  };
  client.send = send as DynamoDBClient['send'];
};

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
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  const client = new DynamoDBClient({
    region: c.region,
    ...(local
      ? {
          endpoint: c.dynamoEndpoint,
          credentials,
          maxAttempts: LOCAL_MAX_ATTEMPTS,
          signer: localSigner(c.region, credentials.accessKeyId),
          // A fixed endpoint: skip evaluating the endpoint rule set on every request.
          endpointProvider: () => ({ url: new URL(c.dynamoEndpoint!) }),
          // Resolve each command's middleware chain once per command class instead of on every send.
          cacheMiddleware: true,
        }
      : { maxAttempts: 4 }),
    requestHandler: requestHandler(local, httpAgent),
  });
  if (local) for (const name of LOCAL_SKIPPED_MIDDLEWARE) client.middlewareStack.remove(name);
  if (local && c.dynamoEndpoint!.startsWith('http://'))
    sendDataPlaneAsJson(client, c, httpAgent, credentials.accessKeyId);
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
