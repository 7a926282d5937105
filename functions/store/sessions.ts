// Session repository: META, SECRET, the SESSIONS list entry, roster CAND# items and REG# lookup items.
import type { RosterEntry, Session } from '../domain/attempt.ts';
import { DomainError } from '../domain/errors.ts';
import { keys, TABLE_KEYS } from './keys.ts';
import { Table } from './table.ts';
import type { SessionRepo } from './types.ts';

interface SecretItem {
  sessionId: string;
  secret: string;
}
interface CandidateSessionItem {
  regNo: string;
  sessionId: string;
}

const notExists = {
  condition: 'attribute_not_exists(#pk)',
  names: { '#pk': TABLE_KEYS.partitionKey },
} as const;

export const createSessionRepo = (table: Table): SessionRepo => {
  const get = async (sessionId: string, consistent = false): Promise<Session | undefined> => {
    const item = await table.get(keys.session(sessionId), consistent);
    return item ? Table.fromItem<Session>(item) : undefined;
  };

  return {
    /**
     * META first (its condition claims the id), then SECRET (also conditional, so a duplicate can never
     * overwrite another session's secret), then the list entry — a copy of the session for listing.
     */
    async create(session: Session, secret: string): Promise<void> {
      await table.put(Table.toItem(keys.session(session.id), session), {
        ...notExists,
        onConditional: 'DUPLICATE',
      });
      await table.put(
        Table.toItem(keys.sessionSecret(session.id), { sessionId: session.id, secret } satisfies SecretItem),
        { ...notExists, onConditional: 'DUPLICATE' },
      );
      await table.put(Table.toItem(keys.sessionListEntry(session.opensAt, session.id), session));
    },

    /**
     * Idempotent create for replayable seeding: writes META, SECRET and the list entry unless the session
     * exists with another commitment / secret (-> DUPLICATE). Re-running after a crash between the writes
     * completes the session; the secret can never be swapped.
     */
    async ensure(session: Session, secret: string): Promise<void> {
      await table.put(Table.toItem(keys.session(session.id), session), {
        condition: 'attribute_not_exists(#pk) OR secretCommitment = :c',
        names: { '#pk': TABLE_KEYS.partitionKey },
        values: { ':c': { S: session.secretCommitment } },
        onConditional: 'DUPLICATE',
      });
      await table.put(
        Table.toItem(keys.sessionSecret(session.id), { sessionId: session.id, secret } satisfies SecretItem),
        {
          condition: 'attribute_not_exists(#pk) OR secret = :s',
          names: { '#pk': TABLE_KEYS.partitionKey },
          values: { ':s': { S: secret } },
          onConditional: 'DUPLICATE',
        },
      );
      await table.put(Table.toItem(keys.sessionListEntry(session.opensAt, session.id), session));
    },

    get: (sessionId) => get(sessionId),

    async getSecret(sessionId: string): Promise<string | undefined> {
      const item = await table.get(keys.sessionSecret(sessionId), true);
      return item ? Table.fromItem<SecretItem>(item).secret : undefined;
    },

    /** Newest opening time first. */
    async list(limit?: number): Promise<Session[]> {
      const { PK, SKPrefix } = keys.sessionList();
      const items = await table.queryPartition(PK, { skPrefix: SKPrefix, descending: true, limit });
      return items.map((i) => Table.fromItem<Session>(i));
    },

    async listOpeningBetween(fromMs: number, toMs: number): Promise<Session[]> {
      if (toMs < fromMs) return [];
      const { PK } = keys.sessionList();
      // '#' < any id character and '~' > any: the bounds take every id at the two edge times.
      const items = await table.queryBetween(
        PK,
        keys.sessionListEntry(Math.max(0, fromMs), '').SK,
        keys.sessionListEntry(toMs, '~').SK,
      );
      return items.map((i) => Table.fromItem<Session>(i));
    },

    /** Updates META (the truth login reads) and then the list copy. Unknown session -> NOT_FOUND. */
    async setPinsReleased(sessionId: string, released: boolean): Promise<void> {
      const key = keys.session(sessionId);
      const attrs = await table.update(
        {
          Key: { [TABLE_KEYS.partitionKey]: { S: key.PK }, [TABLE_KEYS.sortKey]: { S: key.SK } },
          UpdateExpression: 'SET #r = :r',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#r': 'pinsReleased', '#pk': TABLE_KEYS.partitionKey },
          ExpressionAttributeValues: { ':r': { BOOL: released } },
          ReturnValues: 'ALL_NEW',
        },
        'NOT_FOUND',
      );
      if (!attrs) throw new DomainError('NOT_FOUND', `session ${sessionId} not found`);
      const session = Table.fromItem<Session>(attrs);
      await table.put(Table.toItem(keys.sessionListEntry(session.opensAt, session.id), session));
    },

    /**
     * Replaces META (conditional on it existing), then the list copy; when the opening time moved, the old
     * list entry is deleted last (a crash in between leaves a stale copy a retry removes).
     */
    async update(session: Session, previousOpensAt: number): Promise<void> {
      await table.put(Table.toItem(keys.session(session.id), session), {
        condition: 'attribute_exists(#pk)',
        names: { '#pk': TABLE_KEYS.partitionKey },
        onConditional: 'NOT_FOUND',
      });
      await table.put(Table.toItem(keys.sessionListEntry(session.opensAt, session.id), session));
      if (previousOpensAt !== session.opensAt)
        await table.delete(keys.sessionListEntry(previousOpensAt, session.id));
    },

    /** Sets one roster entry's PIN hash (the entry must exist). */
    async setRosterPin(sessionId: string, regNo: string, pinHash: string): Promise<void> {
      const key = keys.rosterEntry(sessionId, regNo);
      await table.update(
        {
          Key: { [TABLE_KEYS.partitionKey]: { S: key.PK }, [TABLE_KEYS.sortKey]: { S: key.SK } },
          UpdateExpression: 'SET #h = :h',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#h': 'pinHash', '#pk': TABLE_KEYS.partitionKey },
          ExpressionAttributeValues: { ':h': { S: pinHash } },
        },
        'NOT_FOUND',
      );
    },

    async putRoster(entries: RosterEntry[]): Promise<void> {
      const items = entries.flatMap((e) => [
        Table.toItem(keys.rosterEntry(e.sessionId, e.regNo), e),
        Table.toItem(keys.candidateSession(e.regNo, e.sessionId), {
          regNo: e.regNo,
          sessionId: e.sessionId,
        } satisfies CandidateSessionItem),
      ]);
      await table.batchPut(items);
    },

    async getRosterEntry(sessionId: string, regNo: string): Promise<RosterEntry | undefined> {
      const item = await table.get(keys.rosterEntry(sessionId, regNo));
      return item ? Table.fromItem<RosterEntry>(item) : undefined;
    },

    async listRoster(sessionId: string): Promise<RosterEntry[]> {
      const { PK, SKPrefix } = keys.rosterPrefix(sessionId);
      const items = await table.queryPartition(PK, { skPrefix: SKPrefix });
      return items.map((i) => Table.fromItem<RosterEntry>(i));
    },

    async rosterPage(
      sessionId: string,
      afterRegNo: string | undefined,
      limit: number,
    ): Promise<RosterEntry[]> {
      const { PK, SKPrefix } = keys.rosterPrefix(sessionId);
      const items = await table.queryOnce({
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey, '#sk': TABLE_KEYS.sortKey },
        ExpressionAttributeValues: { ':pk': { S: PK }, ':sk': { S: SKPrefix } },
        Limit: limit,
        ...(afterRegNo === undefined
          ? {}
          : {
              ExclusiveStartKey: {
                [TABLE_KEYS.partitionKey]: { S: PK },
                [TABLE_KEYS.sortKey]: { S: keys.rosterEntry(sessionId, afterRegNo).SK },
              },
            }),
      });
      return items.map((i) => Table.fromItem<RosterEntry>(i));
    },

    async sessionsOfCandidate(regNo: string): Promise<string[]> {
      const { PK, SKPrefix } = keys.candidateSessionsPrefix(regNo);
      // Every login's first request. The whole REG# partition (it holds only these items; the prefix is
      // checked here): the local store parses a key condition per request, and `begins_with` cost it
      // ≈ 0.2–0.4 ms of CPU more per login (test/bench/notes.md, wave 6). DynamoDB reads the same items.
      const items = await table.queryPartition(PK);
      return items
        .filter((i) => i[TABLE_KEYS.sortKey]?.S?.startsWith(SKPrefix))
        .map((i) => Table.fromItem<CandidateSessionItem>(i).sessionId);
    },
  };
};
