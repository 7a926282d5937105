// Error mapping with a stubbed DynamoDB client and aws-sdk-client-mock (S3): only failures a real dynalite/s3rver cannot produce on demand.
import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors.ts';
import { clientsFor } from '../../functions/store/clients.ts';
import {
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '../../functions/store/dynamo-commands.ts';
import { mapStoreError } from '../../functions/store/errors.ts';
import { createStore } from '../../functions/store/index.ts';
import type { StoreConfig } from '../../functions/store/types.ts';
import { mockDynamo } from './dynamo-mock.ts';
import { attemptMeta, singleItem } from './fixtures.ts';

const config: StoreConfig = {
  tableName: 'mocked',
  region: 'ap-southeast-3',
  dynamoEndpoint: 'http://127.0.0.1:9',
  s3Endpoint: 'http://127.0.0.1:9',
  publicBucket: 'pub',
  auditBucket: 'aud',
};
const store = createStore(config, { batchAttempts: 3 });
const dynamo = mockDynamo(clientsFor(config).dynamo);
const s3 = mockClient(await clientsFor(config).s3());
afterEach(() => {
  dynamo.reset();
  s3.reset();
});

const named = (name: string, extra: object = {}): Error => Object.assign(new Error(name), { name, ...extra });
const step = { type: 'answered' as const, itemId: 'q1', choice: 'a', at: 1, deviceEpoch: 1, clientSeq: 1 };

describe('mapStoreError', () => {
  it.each([
    ['ProvisionedThroughputExceededException', 'THROTTLED'],
    ['ThrottlingException', 'THROTTLED'],
    ['RequestLimitExceeded', 'THROTTLED'],
    ['SlowDown', 'THROTTLED'],
    ['TimeoutError', 'STORE_UNAVAILABLE'],
    ['InternalServerError', 'STORE_UNAVAILABLE'],
  ])('%s -> %s', (name, code) => {
    expect(mapStoreError(named(name))).toMatchObject({ code });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'])(
    'network code %s -> STORE_UNAVAILABLE',
    (code) => {
      expect(mapStoreError(named('Error', { code }))).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    },
  );

  it('a network error wrapped as a cause, and a 503 -> STORE_UNAVAILABLE', () => {
    expect(mapStoreError(named('Error', { cause: named('Error', { code: 'ECONNRESET' }) }))).toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    expect(mapStoreError(named('Unknown', { $metadata: { httpStatusCode: 503 } }))).toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });

  it('ConditionalCheckFailed takes the code of the operation', () => {
    const e = named('ConditionalCheckFailedException');
    expect(mapStoreError(e, 'DUPLICATE')).toMatchObject({ code: 'DUPLICATE' });
    expect(mapStoreError(e)).toMatchObject({ code: 'CONFLICT' });
  });

  it('unrecognised errors pass through unchanged', () => {
    const e = named('ValidationException');
    expect(mapStoreError(e)).toBe(e);
    const d = new DomainError('NOT_FOUND', 'x');
    expect(mapStoreError(d)).toBe(d);
  });
});

describe('DomainError keeps the SDK error as its cause', () => {
  it('a throttled save keeps the SDK exception and its request id', async () => {
    const sdk = new ProvisionedThroughputExceededException({
      message: 'slow down',
      $metadata: { httpStatusCode: 400, requestId: 'REQ-THROTTLE-1' },
    });
    dynamo.on(PutItemCommand).rejects(sdk);
    const err = await store.attempts.appendClientStep('a', step).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'THROTTLED', details: { requestId: 'REQ-THROTTLE-1' } });
    expect((err as DomainError).cause).toBe(sdk);
    expect(((err as DomainError).cause as typeof sdk).$metadata.requestId).toBe('REQ-THROTTLE-1');
  });

  it('a lost race keeps the ConditionalCheckFailed exception as the cause of CONFLICT', async () => {
    const sdk = new ConditionalCheckFailedException({ message: 'no', $metadata: { requestId: 'REQ-CCF-2' } });
    dynamo.on(PutItemCommand).rejects(sdk);
    const err = await store.attempts.update(attemptMeta('a'), 1).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', details: { requestId: 'REQ-CCF-2' } });
    expect((err as DomainError).cause).toBe(sdk);
  });

  it('an unreachable store keeps the network error as the cause (no request id to report)', async () => {
    const net = named('Error', { code: 'ECONNRESET' });
    dynamo.on(GetItemCommand).rejects(net);
    const err = await store.attempts.get('a').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((err as DomainError).cause).toBe(net);
    expect((err as DomainError).details).not.toHaveProperty('requestId');
  });
});

describe('repositories map SDK failures', () => {
  it('throttled hot-path save -> THROTTLED', async () => {
    dynamo
      .on(PutItemCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(store.attempts.appendClientStep('a', step)).rejects.toMatchObject({ code: 'THROTTLED' });
  });

  it('network failure on a read -> STORE_UNAVAILABLE', async () => {
    dynamo.on(GetItemCommand).rejects(named('Error', { code: 'ECONNRESET' }));
    await expect(store.attempts.get('a')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('RequestLimitExceeded on a query -> THROTTLED', async () => {
    dynamo.on(QueryCommand).rejects(named('RequestLimitExceeded'));
    await expect(store.attempts.readSteps('a')).rejects.toMatchObject({ code: 'THROTTLED' });
  });

  it('update losing a race (condition fails) -> CONFLICT', async () => {
    dynamo.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    await expect(store.attempts.update(attemptMeta('a'), 1)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('on AWS the old item comes with the exception: duplicate/conflict decided without a read', async () => {
    const stored = { PK: { S: 'x' }, SK: { S: 'y' }, step: { S: JSON.stringify({ ...step, at: 0 }) } };
    dynamo
      .on(PutItemCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {}, Item: stored }));
    expect(await store.attempts.appendClientStep('a', step)).toBe('duplicate');
    expect(await store.attempts.appendClientStep('a', { ...step, choice: 'b' })).toBe('conflict');
    expect(dynamo.commandCalls(GetItemCommand)).toHaveLength(0);
  });

  it('BatchWriteItem: UnprocessedItems are retried until written', async () => {
    let calls = 0;
    dynamo.on(BatchWriteItemCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
      calls++;
      const requests = input.RequestItems.mocked ?? [];
      // First call leaves all but one unprocessed; the retry takes the rest.
      return calls === 1 ? { UnprocessedItems: { mocked: requests.slice(1) } } : {};
    });
    await store.banks.putItems([singleItem('a'), singleItem('b'), singleItem('c')]);
    expect(calls).toBe(2);
    const second = dynamo.commandCalls(BatchWriteItemCommand)[1]?.args[0].input.RequestItems?.mocked;
    expect(second).toHaveLength(2);
  });

  it('BatchWriteItem: items that never drain -> THROTTLED', async () => {
    dynamo.on(BatchWriteItemCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({
      UnprocessedItems: input.RequestItems,
    }));
    await expect(store.banks.putItems([singleItem('a')])).rejects.toMatchObject({ code: 'THROTTLED' });
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(3);
  });

  it('S3: SlowDown -> THROTTLED, connection refused -> STORE_UNAVAILABLE', async () => {
    s3.on(PutObjectCommand).rejects(named('SlowDown'));
    await expect(store.objects.put('pub', 'k', 'x', 'text/plain')).rejects.toMatchObject({
      code: 'THROTTLED',
    });
    s3.on(GetObjectCommand).rejects(named('Error', { code: 'ECONNREFUSED' }));
    await expect(store.objects.get('pub', 'k')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
