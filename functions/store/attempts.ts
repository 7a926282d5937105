// Attempt repository: META (+GSI1), the append-only step log (the save hot path), and the RESULT (+GSI2).
import { randomBytes } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttemptMeta } from '../domain/attempt.ts';
import { startedStepOf } from '../domain/lifecycle.ts';
import type { Step } from '../domain/steps.ts';
import { PutItemCommand } from './dynamo-commands.ts';
import { isConditionalCheckFailed, mapStoreError } from './errors.ts';
import { CLIENT_SEQ_WIDTH, keys, resultScoreSortKey, TABLE_KEYS } from './keys.ts';
import { type Item, Table } from './table.ts';
import type { AttemptRepo, StoredClientStep, StoredResult } from './types.ts';
import { itemBytes, recordWrite, writeUnitsForBytes } from './units.ts';

/** A step item holds the step as one JSON string attribute: the cheapest marshalling for the hot path. */
const STEP_ATTR = 'step';
const PK = TABLE_KEYS.partitionKey;
const SK = TABLE_KEYS.sortKey;
const STEP_CONDITION = 'attribute_not_exists(#sk)';
const STEP_NAMES = { '#sk': SK } as const;

const stepItem = (k: { PK: string; SK: string }, step: Step): Item => ({
  [PK]: { S: k.PK },
  [SK]: { S: k.SK },
  [STEP_ATTR]: { S: JSON.stringify(step) },
});

const parseStep = (item: Item): Step | undefined => {
  const s = item[STEP_ATTR]?.S;
  return s === undefined ? undefined : (JSON.parse(s) as Step);
};

/** Same client content = a retry of the same save; `at` (server receipt time) may differ between retries. */
const sameClientContent = (a: Step, b: Step): boolean => {
  if (a.type !== b.type) return false;
  if (a.type === 'answered' && b.type === 'answered') return a.itemId === b.itemId && a.choice === b.choice;
  if (a.type === 'flagged' && b.type === 'flagged') return a.itemId === b.itemId && a.flagged === b.flagged;
  if (a.type === 'entered' && b.type === 'entered')
    return a.itemId === b.itemId && a.column === b.column && a.row === b.row && a.digit === b.digit;
  return false;
};

const nonce = (): string => randomBytes(6).toString('hex');

/**
 * A META item carries the attempt's `started` step in the step attribute (readSteps lists it with the log):
 * the step is fixed by startedAt, which no transition changes, so every META put writes the same step.
 */
const metaItem = (meta: AttemptMeta): Item => {
  const item = Table.toItem(
    { ...keys.attempt(meta.attemptId), ...keys.attemptBySession(meta.sessionId, meta.regNo) },
    meta,
  );
  item[STEP_ATTR] = { S: JSON.stringify(startedStepOf(meta)) };
  return item;
};

/** A META item (table or GSI1) as the entity, without its started step. */
export const metaOf = (item: Item): AttemptMeta => {
  const { [STEP_ATTR]: _started, ...rest } = item;
  return Table.fromItem<AttemptMeta>(rest);
};

export const createAttemptRepo = (table: Table): AttemptRepo => {
  /** The stored step at a key, from the exception (ReturnValuesOnConditionCheckFailure) or a consistent read. */
  const existingStep = async (e: unknown, key: { PK: string; SK: string }): Promise<Step | undefined> => {
    const fromError = (e as { Item?: Record<string, AttributeValue> }).Item;
    const item = fromError ?? (await table.get(key, true));
    return item ? parseStep(item) : undefined;
  };

  return {
    async create(meta: AttemptMeta): Promise<void> {
      await table.put(metaItem(meta), {
        condition: 'attribute_not_exists(#pk)',
        names: { '#pk': PK },
        onConditional: 'ALREADY_STARTED',
      });
    },

    async get(attemptId: string, consistent = false): Promise<AttemptMeta | undefined> {
      const item = await table.get(keys.attempt(attemptId), consistent);
      return item ? metaOf(item) : undefined;
    },

    async update(meta: AttemptMeta, expectedVersion: number): Promise<AttemptMeta> {
      const next: AttemptMeta = { ...meta, version: expectedVersion + 1 };
      const item = metaItem(next);
      // The started step is part of the log: a put that would record another one is refused.
      await table.put(item, {
        condition: '#v = :v AND #step = :step',
        names: { '#v': 'version', '#step': STEP_ATTR },
        values: { ':v': { N: String(expectedVersion) }, ':step': item[STEP_ATTR] as AttributeValue },
        onConditional: 'CONFLICT',
      });
      return next;
    },

    /**
     * The hot path: exactly one conditional PutItem, no read. Only when the key is taken (a retry, or a
     * device reusing a seq) is the stored step looked at, to tell a harmless retry from a conflict.
     */
    async appendClientStep(
      attemptId: string,
      step: StoredClientStep,
    ): Promise<'written' | 'duplicate' | 'conflict'> {
      const key = keys.clientStep(attemptId, step.deviceEpoch, step.clientSeq);
      const item = stepItem(key, step);
      try {
        const out = await table.client.send(
          new PutItemCommand({
            TableName: table.name,
            Item: item,
            ConditionExpression: STEP_CONDITION,
            ExpressionAttributeNames: STEP_NAMES,
            ReturnConsumedCapacity: 'TOTAL',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        recordWrite(out.ConsumedCapacity, () => writeUnitsForBytes(itemBytes(item)));
        return 'written';
      } catch (e) {
        if (!isConditionalCheckFailed(e)) throw mapStoreError(e);
        recordWrite(undefined, () => writeUnitsForBytes(itemBytes(item)));
        const existing = await existingStep(e, key);
        if (!existing || existing.rejected !== undefined) return 'conflict';
        return sameClientContent(existing, step) ? 'duplicate' : 'conflict';
      }
    },

    async appendServerStep(attemptId: string, step: Step): Promise<void> {
      await table.put(stepItem(keys.serverStep(attemptId, step.at, nonce()), step), {
        condition: STEP_CONDITION,
        names: STEP_NAMES,
      });
    },

    /**
     * Server steps (EVT#…), the META's started step, then client steps (STEP#…), each in key order (the RESULT
     * item has no step); replay imposes its own order.
     */
    async readSteps(attemptId: string): Promise<Step[]> {
      const items = await table.queryPartition(keys.attemptStepsPrefix(attemptId).PK, { consistent: true });
      const steps: Step[] = [];
      for (const item of items) {
        const s = parseStep(item);
        if (s) steps.push(s);
      }
      return steps;
    },

    async hasClientStepAfter(attemptId: string, deviceEpoch: number, afterSeq: number): Promise<boolean> {
      const from = keys.clientStep(attemptId, deviceEpoch, afterSeq + 1);
      const to = keys.clientStep(attemptId, deviceEpoch, 10 ** CLIENT_SEQ_WIDTH - 1);
      const first = await table.queryFirst({
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey, '#sk': TABLE_KEYS.sortKey },
        ExpressionAttributeValues: { ':pk': { S: from.PK }, ':lo': { S: from.SK }, ':hi': { S: to.SK } },
        ConsistentRead: true,
      });
      return first !== undefined;
    },

    async listBySession(sessionId: string): Promise<AttemptMeta[]> {
      const { GSI1PK } = keys.attemptBySession(sessionId, '');
      const items = await table.queryAll({
        IndexName: TABLE_KEYS.gsi1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.gsi1.partitionKey },
        ExpressionAttributeValues: { ':pk': { S: GSI1PK } },
      });
      return items.map(metaOf);
    },

    async listBySessionRange(sessionId: string, fromRegNo: string, toRegNo: string): Promise<AttemptMeta[]> {
      const lo = keys.attemptBySession(sessionId, fromRegNo);
      const hi = keys.attemptBySession(sessionId, toRegNo);
      const items = await table.queryAll({
        IndexName: TABLE_KEYS.gsi1.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.gsi1.partitionKey, '#sk': TABLE_KEYS.gsi1.sortKey },
        ExpressionAttributeValues: {
          ':pk': { S: lo.GSI1PK },
          ':lo': { S: lo.GSI1SK },
          ':hi': { S: hi.GSI1SK },
        },
      });
      return items.map(metaOf);
    },

    /** Overwrites (a regrade replaces the result); GSI2 keys place it in its formation's ranking order. */
    async putResult(result: StoredResult): Promise<void> {
      await table.put(
        Table.toItem(
          {
            ...keys.attemptResult(result.attemptId),
            ...keys.resultByFormation(result.formationId, resultScoreSortKey(result)),
          },
          result,
        ),
      );
    },

    async getResult(attemptId: string): Promise<StoredResult | undefined> {
      const item = await table.get(keys.attemptResult(attemptId), true);
      return item ? Table.fromItem<StoredResult>(item) : undefined;
    },

    async getResults(attemptIds: readonly string[]): Promise<Map<string, StoredResult>> {
      const out = new Map<string, StoredResult>();
      for (let i = 0; i < attemptIds.length; i += 100) {
        const chunk = attemptIds.slice(i, i + 100);
        const items = await table.batchGet(
          chunk.map((id) => keys.attemptResult(id)),
          true,
        );
        items.forEach((item, j) => {
          if (item) out.set(chunk[j] as string, Table.fromItem<StoredResult>(item));
        });
      }
      return out;
    },

    async listResultsByFormation(formationId: string): Promise<StoredResult[]> {
      const { GSI2PK } = keys.resultByFormation(formationId, '');
      const items = await table.queryAll({
        IndexName: TABLE_KEYS.gsi2.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.gsi2.partitionKey },
        ExpressionAttributeValues: { ':pk': { S: GSI2PK } },
      });
      return items.map((i) => Table.fromItem<StoredResult>(i));
    },
  };
};
