// The lean JSON transport of the local DynamoDB client: taken for data-plane commands, SDK-shaped outputs/errors, retries.
import {
  createServer,
  Agent as HttpAgent,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeTableCommand, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../../functions/store/clients.ts';
import { createDynamoJson, DynamoServiceError } from '../../functions/store/dynamo-json.ts';
import { mapStoreError } from '../../functions/store/errors.ts';
import { createStore } from '../../functions/store/index.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();
const store = createStore(config);
await store.ensure();
const { dynamo } = clientsFor(config);

/** Counts the requests that went through the SDK's HTTP handler (its middleware stack ends there). */
let throughSdk = 0;
const handler = dynamo.config.requestHandler as { handle: (...args: unknown[]) => Promise<unknown> };
const handle = handler.handle.bind(handler);
handler.handle = (...args) => {
  throughSdk++;
  return handle(...args);
};

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** A fake DynamoDB endpoint answering each request with the next scripted (status, body); the last repeats. */
const scripted = async (
  answers: Array<[number, object] | 'hang'>,
): Promise<{ url: string; hits: () => number }> => {
  let hits = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const a = answers[Math.min(hits++, answers.length - 1)]!;
    if (a === 'hang') return;
    res.writeHead(a[0], { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `req-${hits}` });
    res.end(JSON.stringify(a[1]));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
};

const lean = (endpoint: string, requestTimeoutMs = 2_000) =>
  createDynamoJson({
    endpoint,
    sign: (h) => {
      h.authorization = 'test';
    },
    agent: new HttpAgent({ keepAlive: true }),
    maxAttempts: 2,
    requestTimeoutMs,
  });

describe('local DynamoDB client: data-plane commands as plain JSON', () => {
  it('puts, gets and queries without the SDK middleware stack; other commands keep it', async () => {
    throughSdk = 0;
    const Item = { PK: { S: 'JSON#1' }, SK: { S: 'A' }, n: { N: '42' }, m: { M: { s: { S: 'x' } } } };
    const put = await dynamo.send(
      new PutItemCommand({ TableName: config.tableName, Item, ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(put.ConsumedCapacity?.CapacityUnits).toBe(1);
    expect(put.$metadata.httpStatusCode).toBe(200);
    const got = await dynamo.send(
      new GetItemCommand({
        TableName: config.tableName,
        Key: { PK: Item.PK, SK: Item.SK },
        ConsistentRead: true,
      }),
    );
    expect(got.Item).toEqual(Item);
    const q = await dynamo.send(
      new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'PK = :p',
        ExpressionAttributeValues: { ':p': { S: 'JSON#1' } },
      }),
    );
    expect(q.Count).toBe(1);
    expect(throughSdk).toBe(0);
    await dynamo.send(new DescribeTableCommand({ TableName: config.tableName }));
    expect(throughSdk).toBe(1);
  });

  it('a failed condition is a ConditionalCheckFailedException, as from the SDK', async () => {
    const Item = { PK: { S: 'JSON#2' }, SK: { S: 'A' }, v: { S: 'first' } };
    const input = {
      TableName: config.tableName,
      Item,
      ConditionExpression: 'attribute_not_exists(SK)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    await dynamo.send(new PutItemCommand(input));
    const e = await dynamo.send(new PutItemCommand({ ...input, Item: { ...Item, v: { S: 'second' } } })).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DynamoServiceError);
    expect(e).toMatchObject({
      name: 'ConditionalCheckFailedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    expect(typeof (e as DynamoServiceError).$metadata.requestId).toBe('string');
    expect(mapStoreError(e, 'DUPLICATE')).toMatchObject({ code: 'DUPLICATE' });
  });

  it('a validation error is thrown at once, named like the SDK names it', async () => {
    const e = await dynamo
      .send(new GetItemCommand({ TableName: config.tableName, Key: { PK: { S: 'only-pk' } } }))
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(e).toMatchObject({ name: 'ValidationException', $metadata: { attempts: 1 } });
  });
});

describe('lean transport: retries, failures', () => {
  it('retries a 5xx once and returns the second answer', async () => {
    const fake = await scripted([
      [500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'boom' }],
      [200, { Item: { PK: { S: 'x' } } }],
    ]);
    expect(await lean(fake.url).call('GetItem', { TableName: 't', Key: {} })).toEqual({
      Item: { PK: { S: 'x' } },
    });
    expect(fake.hits()).toBe(2);
  });

  it('throttling after the last attempt maps to THROTTLED with the request id', async () => {
    const fake = await scripted([
      [
        400,
        {
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'slow',
        },
      ],
    ]);
    const e = await lean(fake.url)
      .call('PutItem', { TableName: 't', Item: {} })
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(fake.hits()).toBe(2);
    expect(e).toMatchObject({ name: 'ProvisionedThroughputExceededException', message: 'slow' });
    expect(mapStoreError(e)).toMatchObject({ code: 'THROTTLED', details: { requestId: 'req-2' } });
  });

  it("an error body's fields travel on the error (ALL_OLD Item of a failed condition, from DynamoDB)", async () => {
    const Item = { PK: { S: 'p' }, SK: { S: 's' } };
    const fake = await scripted([
      [
        400,
        { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'no', Item },
      ],
    ]);
    await expect(lean(fake.url).call('PutItem', { TableName: 't', Item })).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
      message: 'no',
      Item,
      $metadata: { httpStatusCode: 400, requestId: 'req-1', attempts: 1 },
    });
    expect(fake.hits()).toBe(1);
  });

  it('a client error is not retried', async () => {
    const fake = await scripted([[400, { __type: 'x#ResourceNotFoundException', message: 'no table' }]]);
    await expect(lean(fake.url).call('Query', { TableName: 't' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(fake.hits()).toBe(1);
  });

  it('an endpoint that does not answer times out as STORE_UNAVAILABLE; a closed port too', async () => {
    const fake = await scripted(['hang']);
    const e = await lean(fake.url, 100)
      .call('GetItem', { TableName: 't', Key: {} })
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(e).toMatchObject({ name: 'TimeoutError' });
    expect(fake.hits()).toBe(2);
    expect(mapStoreError(e)).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const refused = await lean('http://127.0.0.1:9')
      .call('GetItem', { TableName: 't', Key: {} })
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(mapStoreError(refused)).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
