// Parity of the store's lean DynamoDB client (functions/store/dynamo-client.ts, the same locally and on Lambda)
// with the SDK's client: the same data-plane commands sent both ways to the embedded store give the same
// outputs and the same errors. Binary attributes (B, BS) are the one known difference: the lean client does
// not base64-encode Uint8Array, so the store must write none (guarded below).
import { readdirSync, readFileSync } from 'node:fs';
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
import { afterAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../../functions/store/clients.ts';
import { mapStoreError } from '../../functions/store/errors.ts';
import { createStore } from '../../functions/store/index.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();
await createStore(config).ensure();
const leanClient = clientsFor(config).dynamo;
/** The operation each SDK command class names (the lean client takes `{ op, input }`). */
const OPS = new Map<unknown, string>([
  [PutItemCommand, 'PutItem'],
  [GetItemCommand, 'GetItem'],
  [UpdateItemCommand, 'UpdateItem'],
  [DeleteItemCommand, 'DeleteItem'],
  [QueryCommand, 'Query'],
  [BatchGetItemCommand, 'BatchGetItem'],
  [BatchWriteItemCommand, 'BatchWriteItem'],
]);
/** The lean client, sent the very SDK command objects the SDK client gets. */
const lean = {
  send: (cmd: { input: object; constructor: unknown }): Promise<unknown> =>
    leanClient.send({ op: OPS.get(cmd.constructor)!, input: cmd.input }),
};
// A plain SDK client as on AWS: full middleware stack, SigV4 signer (the embedded store ignores signatures).
const sdk = new DynamoDBClient({
  region: config.region,
  endpoint: config.dynamoEndpoint,
  credentials: { accessKeyId: 'parity', secretAccessKey: 'parity' },
  maxAttempts: 1,
});
afterAll(() => sdk.destroy());

const T = config.tableName;
const strip = ({ $metadata: _m, ...rest }: Record<string, unknown>) => rest;

/** Runs one command (built per key prefix) through both clients on disjoint keys; returns both outputs. */
const both = async (make: (p: string) => { input: object; constructor: unknown } & object) => {
  const viaLean = await lean.send(make('L') as never);
  const viaSdk = await sdk.send(make('S') as never);
  return [strip(viaLean as never), strip(viaSdk as never)] as const;
};
/** Same as `both`, for a command expected to fail: the error name and the store's mapping of it. */
const bothFail = async (make: (p: string) => object) => {
  const out: Array<{ name: string; code: string }> = [];
  for (const [client, p] of [
    [lean, 'L'],
    [sdk, 'S'],
  ] as const) {
    const err = await client.send(make(p) as never).then(
      () => null,
      (e: Error) => e,
    );
    expect(err, `${p}: expected a failure`).not.toBeNull();
    const mapped = mapStoreError(err) as { code?: string; name: string };
    out.push({ name: err!.name, code: mapped.code ?? mapped.name });
  }
  return out;
};
/** Values that carry the key prefix (L/S) made comparable. */
const unprefix = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v).replaceAll('"S#', '"X#').replaceAll('"L#', '"X#'));

const item = (p: string, sk: string, extra: Record<string, unknown> = {}) => ({
  PK: { S: `${p}#PAR` },
  SK: { S: sk },
  n: { N: '7' },
  l: { L: [{ S: 'a' }, { BOOL: true }, { NULL: true }] },
  m: { M: { b: { BOOL: false }, ss: { SS: ['x', 'y'] }, ns: { NS: ['1', '2.5'] } } },
  ...extra,
});

describe('the lean DynamoDB client and the SDK client give the same answers (embedded store)', () => {
  it('PutItem with ConsumedCapacity and ReturnValues', async () => {
    const [a, b] = await both(
      (p) => new PutItemCommand({ TableName: T, Item: item(p, 'A'), ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(a).toEqual(b);
    const [c, d] = await both(
      (p) =>
        new PutItemCommand({ TableName: T, Item: item(p, 'A', { n: { N: '8' } }), ReturnValues: 'ALL_OLD' }),
    );
    expect(unprefix(c)).toEqual(unprefix(d));
    expect((c as { Attributes?: { n?: { N?: string } } }).Attributes?.n?.N).toBe('7');
  });

  it('GetItem (sets, lists, maps, nulls survive both ways) and a missing item', async () => {
    const [a, b] = await both(
      (p) =>
        new GetItemCommand({
          TableName: T,
          Key: { PK: { S: `${p}#PAR` }, SK: { S: 'A' } },
          ConsistentRead: true,
        }),
    );
    expect(unprefix(a)).toEqual(unprefix(b));
    expect((a as { Item?: { m?: { M?: { ss?: { SS?: string[] } } } } }).Item?.m?.M?.ss?.SS).toEqual([
      'x',
      'y',
    ]);
    const [c, d] = await both(
      (p) => new GetItemCommand({ TableName: T, Key: { PK: { S: `${p}#PAR` }, SK: { S: 'none' } } }),
    );
    expect(c).toEqual(d);
  });

  it('UpdateItem with ADD and ReturnValues UPDATED_NEW', async () => {
    const [a, b] = await both(
      (p) =>
        new UpdateItemCommand({
          TableName: T,
          Key: { PK: { S: `${p}#PAR` }, SK: { S: 'A' } },
          UpdateExpression: 'ADD #c :one',
          ExpressionAttributeNames: { '#c': 'count' },
          ExpressionAttributeValues: { ':one': { N: '1' } },
          ReturnValues: 'UPDATED_NEW',
        }),
    );
    expect(a).toEqual(b);
  });

  it('Query with Limit, LastEvaluatedKey and descending order', async () => {
    for (const p of ['L', 'S'])
      for (const sk of ['B', 'C', 'D'])
        await lean.send(new PutItemCommand({ TableName: T, Item: item(p, sk) }));
    const q = (start?: Record<string, unknown>) => (p: string) =>
      new QueryCommand({
        TableName: T,
        KeyConditionExpression: 'PK = :p AND SK > :s',
        ExpressionAttributeValues: { ':p': { S: `${p}#PAR` }, ':s': { S: 'A' } },
        ScanIndexForward: false,
        Limit: 2,
        ...(start ? { ExclusiveStartKey: { ...start, PK: { S: `${p}#PAR` } } } : {}),
      });
    const [a, b] = await both(q());
    expect(unprefix(a)).toEqual(unprefix(b));
    expect((a as { Count?: number }).Count).toBe(2);
    const next = (a as { LastEvaluatedKey?: Record<string, unknown> }).LastEvaluatedKey;
    expect(next).toBeDefined();
    const [c, d] = await both(q(next));
    expect(unprefix(c)).toEqual(unprefix(d));
  });

  it('BatchWriteItem, BatchGetItem and DeleteItem', async () => {
    const [a, b] = await both(
      (p) =>
        new BatchWriteItemCommand({
          RequestItems: { [T]: ['E', 'F'].map((sk) => ({ PutRequest: { Item: item(p, sk) } })) },
        }),
    );
    expect(a).toEqual(b);
    const [c, d] = await both(
      (p) =>
        new BatchGetItemCommand({
          RequestItems: {
            [T]: { Keys: ['E', 'F', 'none'].map((sk) => ({ PK: { S: `${p}#PAR` }, SK: { S: sk } })) },
          },
        }),
    );
    const sorted = (o: unknown) => {
      const r = unprefix(o) as { Responses?: Record<string, Array<{ SK: { S: string } }>> };
      r.Responses?.[T]?.sort((x, y) => x.SK.S.localeCompare(y.SK.S));
      return r;
    };
    expect(sorted(c)).toEqual(sorted(d));
    expect((c as { Responses?: Record<string, unknown[]> }).Responses?.[T]).toHaveLength(2);
    const [e, f] = await both(
      (p) =>
        new DeleteItemCommand({
          TableName: T,
          Key: { PK: { S: `${p}#PAR` }, SK: { S: 'E' } },
          ReturnValues: 'ALL_OLD',
        }),
    );
    expect(unprefix(e)).toEqual(unprefix(f));
  });

  it('errors: a failed condition and a validation error have the same names and store codes', async () => {
    expect(
      await bothFail(
        (p) =>
          new PutItemCommand({
            TableName: T,
            Item: item(p, 'A'),
            ConditionExpression: 'attribute_not_exists(SK)',
          }),
      ),
    ).toEqual([
      { name: 'ConditionalCheckFailedException', code: 'CONFLICT' },
      { name: 'ConditionalCheckFailedException', code: 'CONFLICT' },
    ]);
    const invalid = await bothFail(
      (p) => new GetItemCommand({ TableName: T, Key: { PK: { S: `${p}#PAR` } } }),
    );
    expect(invalid[0]).toEqual(invalid[1]);
    expect(invalid[0]?.name).toBe('ValidationException');
  });
});

describe('what the lean client does not cover', () => {
  it('the store writes no binary attributes (B / BS), which only the SDK client would encode', () => {
    const dir = new URL('../../functions/store/', import.meta.url);
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /\b(B|BS)\s*:\s*(new Uint8Array|Buffer|\[)/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
