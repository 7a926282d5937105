// Low-level single-table operations shared by the repositories: marshalling, paging, batching, units.
import type {
  AttributeValue,
  QueryCommandInput,
  UpdateItemCommandInput,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DomainErrorCode } from '../domain/errors.ts';
import { DomainError } from '../domain/errors.ts';
import type { DynamoClient } from './dynamo-client.ts';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from './dynamo-commands.ts';
import { guard } from './errors.ts';
import { KEY_ATTRIBUTES, TABLE_KEYS } from './keys.ts';
import { itemBytes, readUnitsForBytes, recordRead, recordWrite, writeUnitsForBytes } from './units.ts';

export type Item = Record<string, AttributeValue>;
export type KeyAttrs = Record<string, string>;

export interface TableTuning {
  /** Page size (Limit) for queries; undefined = DynamoDB's 1 MB pages. Tests set it to force paging. */
  pageLimit?: number;
  /** Attempts for BatchWriteItem unprocessed items before giving up with THROTTLED. */
  batchAttempts?: number;
}

const BATCH_SIZE = 25;

export class Table {
  readonly client: DynamoClient;
  readonly name: string;
  readonly tuning: TableTuning;

  constructor(client: DynamoClient, name: string, tuning: TableTuning = {}) {
    this.client = client;
    this.name = name;
    this.tuning = tuning;
  }

  /** Entity + keys -> DynamoDB item. Undefined properties are dropped. */
  static toItem(keys: KeyAttrs, entity: object): Item {
    const item = marshall(entity, { removeUndefinedValues: true, convertClassInstanceToMap: true });
    for (const [k, v] of Object.entries(keys)) item[k] = { S: v };
    return item;
  }

  /** Key attributes (all strings) -> DynamoDB key: what `marshall` gives for them, without its generic walk. */
  static key(keys: KeyAttrs): Item {
    const key: Item = {};
    for (const name in keys) key[name] = { S: keys[name] as string };
    return key;
  }

  /** DynamoDB item -> entity (key attributes removed). */
  static fromItem<T>(item: Item): T {
    const o = unmarshall(item);
    for (const k of KEY_ATTRIBUTES) delete o[k];
    return o as T;
  }

  async put(
    item: Item,
    opts: {
      condition?: string;
      names?: Record<string, string>;
      values?: Item;
      onConditional?: DomainErrorCode;
    } = {},
  ): Promise<void> {
    await guard(async () => {
      try {
        const out = await this.client.send(
          new PutItemCommand({
            TableName: this.name,
            Item: item,
            ConditionExpression: opts.condition,
            ExpressionAttributeNames: opts.names,
            ExpressionAttributeValues: opts.values,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        recordWrite(out.ConsumedCapacity, () => writeUnitsForBytes(itemBytes(item)));
      } catch (e) {
        recordWrite(undefined, () => writeUnitsForBytes(itemBytes(item)));
        throw e;
      }
    }, opts.onConditional);
  }

  async update(
    input: Omit<UpdateItemCommandInput, 'TableName'>,
    onConditional?: DomainErrorCode,
  ): Promise<Item | undefined> {
    return guard(async () => {
      try {
        const out = await this.client.send(
          new UpdateItemCommand({ ...input, TableName: this.name, ReturnConsumedCapacity: 'TOTAL' }),
        );
        recordWrite(out.ConsumedCapacity, () => 1);
        return out.Attributes;
      } catch (e) {
        // A failed condition is billed like a write (≥ 1 WRU); counted here as put counts its own.
        recordWrite(undefined, () => 1);
        throw e;
      }
    }, onConditional);
  }

  async delete(key: KeyAttrs): Promise<void> {
    await guard(async () => {
      const out = await this.client.send(
        new DeleteItemCommand({ TableName: this.name, Key: Table.key(key), ReturnConsumedCapacity: 'TOTAL' }),
      );
      recordWrite(out.ConsumedCapacity, () => 1);
    });
  }

  async get(key: KeyAttrs, consistent = false): Promise<Item | undefined> {
    return guard(async () => {
      const out = await this.client.send(
        new GetItemCommand({
          TableName: this.name,
          Key: Table.key(key),
          ConsistentRead: consistent,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      recordRead(out.ConsumedCapacity, () =>
        readUnitsForBytes(out.Item ? itemBytes(out.Item) : 0, consistent),
      );
      return out.Item;
    });
  }

  /**
   * Several items by key in one BatchGetItem request (≤ 100 keys), in the order of `keys` (undefined where
   * absent): one round trip and one SDK call instead of one per key. UnprocessedKeys are retried like batchPut.
   */
  async batchGet(keys: KeyAttrs[], consistent = false): Promise<Array<Item | undefined>> {
    if (keys.length > 100) throw new Error(`batchGet takes at most 100 keys, got ${keys.length}`);
    const id = (pk: string | undefined, sk: string | undefined) => `${pk}\u0000${sk}`;
    const found = new Map<string, Item>();
    const unique = [...new Map(keys.map((k) => [id(k.PK, k.SK), k])).values()];
    let pending: Item[] = unique.map(Table.key);
    const attempts = this.tuning.batchAttempts ?? 8;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= attempts)
        throw new DomainError('THROTTLED', `batch get left ${pending.length} keys unprocessed`);
      if (attempt > 0) await sleep(Math.min(1_000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2));
      const request = pending;
      const out = await guard(() =>
        this.client.send(
          new BatchGetItemCommand({
            RequestItems: { [this.name]: { Keys: request, ConsistentRead: consistent } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        ),
      );
      const page = out.Responses?.[this.name] ?? [];
      for (const item of page)
        found.set(id(item[TABLE_KEYS.partitionKey]?.S, item[TABLE_KEYS.sortKey]?.S), item);
      const left = out.UnprocessedKeys?.[this.name]?.Keys ?? [];
      const processed = request.length - left.length;
      // A key not found is charged like a get that finds nothing (the minimum read).
      recordRead(
        out.ConsumedCapacity,
        () =>
          page.reduce((s, i) => s + readUnitsForBytes(itemBytes(i), consistent), 0) +
          Math.max(0, processed - page.length) * readUnitsForBytes(0, consistent),
        processed,
      );
      pending = left;
    }
    return keys.map((k) => found.get(id(k.PK, k.SK)));
  }

  /** The first item a Query finds (one request, Limit 1), or undefined: an existence check on a key range. */
  async queryFirst(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
  ): Promise<Item | undefined> {
    return guard(async () => {
      const out = await this.client.send(
        new QueryCommand({ ...input, TableName: this.name, Limit: 1, ReturnConsumedCapacity: 'TOTAL' }),
      );
      const first = out.Items?.[0];
      recordRead(out.ConsumedCapacity, () =>
        readUnitsForBytes(first ? itemBytes(first) : 0, input.ConsistentRead === true),
      );
      return first;
    });
  }

  /** One Query request (a bounded page: the caller sets Limit and, to continue, ExclusiveStartKey). */
  async queryOnce(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    return guard(async () => {
      const out = await this.client.send(
        new QueryCommand({ ...input, TableName: this.name, ReturnConsumedCapacity: 'TOTAL' }),
      );
      const page = out.Items ?? [];
      recordRead(out.ConsumedCapacity, () =>
        readUnitsForBytes(
          page.reduce((s, i) => s + itemBytes(i), 0),
          input.ConsistentRead === true,
        ),
      );
      return page;
    });
  }

  /** Query following LastEvaluatedKey to the end; returns every item in SK (or index SK) order. */
  async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
    return guard(async () => {
      const items: Item[] = [];
      let start: Item | undefined;
      do {
        const out = await this.client.send(
          new QueryCommand({
            Limit: this.tuning.pageLimit,
            ...input,
            TableName: this.name,
            ExclusiveStartKey: start,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        const page = out.Items ?? [];
        recordRead(out.ConsumedCapacity, () =>
          readUnitsForBytes(
            page.reduce((s, i) => s + itemBytes(i), 0),
            input.ConsistentRead === true,
          ),
        );
        items.push(...page);
        start = out.LastEvaluatedKey;
      } while (start !== undefined);
      return items;
    });
  }

  /** Every item of partition `pk` whose sort key lies between `loSk` and `hiSk` (both included), in key order. */
  queryBetween(pk: string, loSk: string, hiSk: string, opts: { consistent?: boolean } = {}): Promise<Item[]> {
    return this.queryAll({
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
      ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey, '#sk': TABLE_KEYS.sortKey },
      ExpressionAttributeValues: { ':pk': { S: pk }, ':lo': { S: loSk }, ':hi': { S: hiSk } },
      ...(opts.consistent ? { ConsistentRead: true } : {}),
    });
  }

  /** Query a partition (optionally an SK prefix), all pages. */
  async queryPartition(
    pk: string,
    opts: { skPrefix?: string; consistent?: boolean; descending?: boolean; limit?: number } = {},
  ): Promise<Item[]> {
    const values: Item = { ':pk': { S: pk } };
    let cond = '#pk = :pk';
    const names: Record<string, string> = { '#pk': TABLE_KEYS.partitionKey };
    if (opts.skPrefix !== undefined) {
      cond += ' AND begins_with(#sk, :sk)';
      names['#sk'] = TABLE_KEYS.sortKey;
      values[':sk'] = { S: opts.skPrefix };
    }
    if (opts.limit !== undefined) {
      // A bounded read: one page of `limit` items, no follow-up pages.
      return guard(async () => {
        const out = await this.client.send(
          new QueryCommand({
            TableName: this.name,
            KeyConditionExpression: cond,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ConsistentRead: opts.consistent,
            ScanIndexForward: !opts.descending,
            Limit: opts.limit,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        const page = out.Items ?? [];
        recordRead(out.ConsumedCapacity, () =>
          readUnitsForBytes(
            page.reduce((s, i) => s + itemBytes(i), 0),
            opts.consistent === true,
          ),
        );
        return page;
      });
    }
    return this.queryAll({
      KeyConditionExpression: cond,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ConsistentRead: opts.consistent,
      ScanIndexForward: !opts.descending,
    });
  }

  /** BatchWriteItem in chunks of 25, retrying UnprocessedItems with backoff; THROTTLED if they never drain. */
  async batchPut(items: Item[]): Promise<void> {
    const attempts = this.tuning.batchAttempts ?? 8;
    // DynamoDB rejects a batch that names one key twice: the last write of a key wins, as with sequential puts.
    const byKey = new Map<string, Item>();
    for (const item of items)
      byKey.set(`${item[TABLE_KEYS.partitionKey]?.S}\u0000${item[TABLE_KEYS.sortKey]?.S}`, item);
    const unique = [...byKey.values()];
    for (let i = 0; i < unique.length; i += BATCH_SIZE) {
      let pending: WriteRequest[] = unique.slice(i, i + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= attempts)
          throw new DomainError('THROTTLED', `batch write left ${pending.length} items unprocessed`);
        if (attempt > 0) await sleep(Math.min(1_000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2));
        const request = pending;
        const out = await guard(() =>
          this.client.send(
            new BatchWriteItemCommand({
              RequestItems: { [this.name]: request },
              ReturnConsumedCapacity: 'TOTAL',
            }),
          ),
        );
        const left = out.UnprocessedItems?.[this.name] ?? [];
        recordWrite(
          out.ConsumedCapacity,
          () =>
            request
              .slice(0, request.length - left.length)
              .reduce((s, r) => s + writeUnitsForBytes(itemBytes(r.PutRequest?.Item ?? {})), 0),
          request.length - left.length,
        );
        pending = left;
      }
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
