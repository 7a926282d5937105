// The lean DynamoDB client against a scripted HTTP server: protocol headers, retries, SDK-shaped errors, timeouts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoClient, DynamoServiceError } from '../../functions/store/dynamo-client.ts';
import { GetItemCommand, PutItemCommand } from '../../functions/store/dynamo-commands.ts';
import { mapStoreError } from '../../functions/store/errors.ts';

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = (res: ServerResponse) => void;

let server: Server;
let endpoint: string;
let replies: Reply[] = [];
let seen: Seen[] = [];

const json =
  (status: number, body: object, headers: Record<string, string> = {}): Reply =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers });
    res.end(JSON.stringify(body));
  };
const error = (status: number, type: string, extra: object = {}): Reply =>
  json(
    status,
    { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `${type} happened`, ...extra },
    {
      'x-amzn-requestid': `REQ-${type}`,
    },
  );

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = replies.shift();
      if (reply) reply(res);
      // No reply scripted: never answer (a hung store).
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
afterEach(() => {
  replies = [];
  seen = [];
});

const client = (over: Partial<ConstructorParameters<typeof DynamoClient>[0]> = {}) =>
  new DynamoClient({
    region: 'ap-southeast-3',
    endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret', sessionToken: 'tok' },
    maxAttempts: 3,
    maxSockets: 4,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    ...over,
  });

const put = new PutItemCommand({ TableName: 't', Item: { PK: { S: 'A' }, SK: { S: 'B' }, n: { N: '1' } } });

describe('DynamoClient', () => {
  it('sends the JSON 1.0 protocol, signed, and returns the parsed answer', async () => {
    replies = [json(200, { ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } })];
    const out = await client().send(put);
    expect(out).toEqual({ ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } });
    const [req] = seen;
    expect(req?.headers['x-amz-target']).toBe('DynamoDB_20120810.PutItem');
    expect(req?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(req?.headers['x-amz-security-token']).toBe('tok');
    expect(req?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/ap-southeast-3\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(req?.body ?? '')).toEqual(put.input);
  });

  it('retries throttling and server errors, then succeeds', async () => {
    replies = [
      error(400, 'ProvisionedThroughputExceededException'),
      error(500, 'InternalServerError'),
      json(200, { Item: { PK: { S: 'A' } } }),
    ];
    const out = await client().send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'A' } } }));
    expect(out.Item).toEqual({ PK: { S: 'A' } });
    expect(seen).toHaveLength(3);
  });

  it('gives up after maxAttempts with the last error, shaped like the SDK (name, $metadata)', async () => {
    replies = [error(400, 'ThrottlingException'), error(400, 'ThrottlingException')];
    const err = await client({ maxAttempts: 2 })
      .send(put)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DynamoServiceError);
    expect(err).toMatchObject({
      name: 'ThrottlingException',
      message: 'ThrottlingException happened',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'REQ-ThrottlingException', attempts: 2 },
    });
    expect(mapStoreError(err)).toMatchObject({
      code: 'THROTTLED',
      details: { requestId: 'REQ-ThrottlingException' },
    });
  });

  it('does not retry a failed condition; the old item (ALL_OLD) rides on the error like the SDK', async () => {
    replies = [error(400, 'ConditionalCheckFailedException', { Item: { PK: { S: 'A' } } })];
    const err = await client()
      .send(put)
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(err).toMatchObject({ name: 'ConditionalCheckFailedException', Item: { PK: { S: 'A' } } });
    expect(mapStoreError(err, 'DUPLICATE')).toMatchObject({ code: 'DUPLICATE' });
  });

  it('does not retry a validation error', async () => {
    replies = [error(400, 'ValidationException'), json(200, {})];
    await expect(client().send(put)).rejects.toMatchObject({ name: 'ValidationException' });
    expect(seen).toHaveLength(1);
  });

  it('a store that never answers: TimeoutError after requestTimeout per attempt -> STORE_UNAVAILABLE', async () => {
    const t0 = Date.now();
    const err = await client({ maxAttempts: 2, requestTimeout: 150 })
      .send(put)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TimeoutError' });
    expect(seen).toHaveLength(2);
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(mapStoreError(err)).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('an unreachable endpoint: the network error (ECONNREFUSED) -> STORE_UNAVAILABLE', async () => {
    const err = await client({ endpoint: 'http://127.0.0.1:9', maxAttempts: 1 })
      .send(put)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ECONNREFUSED' });
    expect(mapStoreError(err)).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('takes Lambda role credentials from the environment', async () => {
    replies = [json(200, {})];
    await client({
      credentials: undefined,
      env: { AWS_ACCESS_KEY_ID: 'ASIAENV', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 'envtok' },
    }).send(put);
    expect(seen[0]?.headers.authorization).toContain('Credential=ASIAENV/');
    expect(seen[0]?.headers['x-amz-security-token']).toBe('envtok');
  });
});
