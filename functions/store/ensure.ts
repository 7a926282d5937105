// Idempotent provisioning for local use and tests: the single table (PK/SK, GSI1, GSI2) and both buckets.
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoClient } from './dynamo-client.ts';
import { CreateTableCommand, DescribeTableCommand } from './dynamo-commands.ts';
import { errorName, guard } from './errors.ts';
import { KEY_ATTRIBUTES, TABLE_KEYS } from './keys.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const describeTable = async (
  dynamo: DynamoClient,
  tableName: string,
): Promise<TableDescription | undefined> =>
  guard(async () => {
    try {
      return (await dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    } catch (e) {
      if (errorName(e) === 'ResourceNotFoundException') return undefined;
      throw e;
    }
  });

const gsi = (g: { name: string; partitionKey: string; sortKey: string }) => ({
  IndexName: g.name,
  KeySchema: [
    { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

export const ensureTable = async (
  dynamo: DynamoClient,
  tableName: string,
  timeoutMs = 30_000,
): Promise<void> => {
  if (!(await describeTable(dynamo, tableName))) {
    await guard(async () => {
      try {
        await dynamo.send(
          new CreateTableCommand({
            TableName: tableName,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: KEY_ATTRIBUTES.map((AttributeName) => ({
              AttributeName,
              AttributeType: 'S' as const,
            })),
            KeySchema: [
              { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
            ],
            GlobalSecondaryIndexes: [gsi(TABLE_KEYS.gsi1), gsi(TABLE_KEYS.gsi2)],
          }),
        );
      } catch (e) {
        // Another process created it between our describe and create: fine, wait for ACTIVE below.
        if (errorName(e) !== 'ResourceInUseException') throw e;
      }
    });
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = await describeTable(dynamo, tableName);
    const indexesActive = (t?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (t?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) throw new Error(`table ${tableName} not ACTIVE after ${timeoutMs} ms`);
    await sleep(100);
  }
};

export const ensureBucket = async (s3: S3Client, bucket: string): Promise<void> => {
  const { CreateBucketCommand, HeadBucketCommand } = await import('@aws-sdk/client-s3');
  return guard(async () => {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
      return;
    } catch (e) {
      const name = errorName(e);
      if (name !== 'NotFound' && name !== 'NoSuchBucket') throw e;
    }
    try {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (e) {
      const name = errorName(e);
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw e;
    }
  });
};
