// Publication version pointer on dynalite: claims are conditional on the highest claimed version, the latest
// pointer never moves backwards; a ConditionalCheckFailed from DynamoDB (mocked) is `false`, other errors throw.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../../functions/store/clients.ts';
import { UpdateItemCommand } from '../../functions/store/dynamo-commands.ts';
import { createStore } from '../../functions/store/index.ts';
import type { Store, StoreConfig } from '../../functions/store/types.ts';
import { mockDynamo } from './dynamo-mock.ts';
import { testStore } from './helpers.ts';

describe('publication pointer on dynalite', () => {
  let store: Store;
  beforeAll(async () => {
    store = await testStore();
  });

  it('claims version 1 once; a second claim from the same view loses; the next from the new view wins', async () => {
    expect(await store.publications.get('p1')).toEqual({ claimed: 0, latest: undefined });
    expect(await store.publications.claim('p1', 0, 1)).toBe(true);
    expect(await store.publications.claim('p1', 0, 1)).toBe(false);
    expect(await store.publications.claim('p1', 1, 2)).toBe(true);
    expect(await store.publications.claim('p1', 1, 2)).toBe(false);
    expect((await store.publications.get('p1')).claimed).toBe(2);
  });

  it('of two publishers claiming at once from the same view exactly one wins', async () => {
    const wins = await Promise.all([1, 2, 3, 4].map(() => store.publications.claim('p2', 0, 1)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('the latest pointer moves forwards only', async () => {
    expect(await store.publications.advance('p3', 2, { version: 2 })).toBe(true);
    expect(await store.publications.advance('p3', 1, { version: 1 })).toBe(false);
    expect(await store.publications.advance('p3', 2, { version: 2, again: true })).toBe(false);
    expect((await store.publications.get('p3')).latest).toEqual({ version: 2 });
    expect(await store.publications.advance('p3', 3, { version: 3 })).toBe(true);
    expect((await store.publications.get('p3')).latest).toEqual({ version: 3 });
  });
});

describe('publication pointer: DynamoDB refusals (aws-sdk-client-mock)', () => {
  const config: StoreConfig = {
    tableName: 'mocked',
    region: 'ap-southeast-3',
    dynamoEndpoint: 'http://127.0.0.1:9',
    s3Endpoint: 'http://127.0.0.1:9',
    publicBucket: 'pub',
    auditBucket: 'aud',
  };
  const store = createStore(config, { batchAttempts: 1 });
  const dynamo = mockDynamo(clientsFor(config).dynamo);
  afterEach(() => dynamo.reset());
  const ccf = () =>
    new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

  it('ConditionalCheckFailed on the claim -> false, with the condition on the claimed version sent', async () => {
    dynamo.on(UpdateItemCommand).rejects(ccf());
    expect(await store.publications.claim('p', 4, 5)).toBe(false);
    const input = dynamo.commandCalls(UpdateItemCommand)[0]?.args[0].input;
    expect(input?.ConditionExpression).toBe('#c = :seen');
    expect(input?.ExpressionAttributeValues).toEqual({ ':next': { N: '5' }, ':seen': { N: '4' } });
  });

  it('ConditionalCheckFailed on advancing the pointer -> false', async () => {
    dynamo.on(UpdateItemCommand).rejects(ccf());
    expect(await store.publications.advance('p', 2, { version: 2 })).toBe(false);
  });

  it('a throttled claim is not mistaken for a lost race: THROTTLED is thrown', async () => {
    dynamo
      .on(UpdateItemCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(store.publications.claim('p', 0, 1)).rejects.toMatchObject({ code: 'THROTTLED' });
  });
});
