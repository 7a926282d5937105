// Open push connections (WebSocket) of an attempt's exam page: one small item each, expiring by TTL.
import { keys } from './keys.ts';
import type { Item, Table } from './table.ts';

/**
 * `expiresAt` (epoch seconds) lets DynamoDB's TTL delete a connection that closed without being noticed;
 * dynalite has no TTL, so `list` skips expired items in code. A connection found gone when a signal is
 * posted is deleted at once (no $disconnect handler: a disconnect costs nothing).
 */
export interface PushConnectionRepo {
  put(attemptId: string, connectionId: string, expiresAt: number): Promise<void>;
  /** Live connection ids of an attempt (eventually consistent: a connect a moment ago may be missing). */
  list(attemptId: string, now: number): Promise<string[]>;
  delete(attemptId: string, connectionId: string): Promise<void>;
}

const PREFIX = 'CONN#';

export const createPushConnectionRepo = (table: Table): PushConnectionRepo => ({
  async put(attemptId, connectionId, expiresAt) {
    const item: Item = {
      PK: { S: keys.pushConnection(attemptId, connectionId).PK },
      SK: { S: keys.pushConnection(attemptId, connectionId).SK },
      expiresAt: { N: String(Math.ceil(expiresAt / 1000)) },
    };
    await table.put(item);
  },
  async list(attemptId, now) {
    const { PK, SKPrefix } = keys.pushConnectionsOf(attemptId);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix });
    return items
      .filter((i) => Number(i.expiresAt?.N ?? 0) * 1000 > now)
      .map((i) => (i.SK?.S ?? '').slice(PREFIX.length))
      .filter((id) => id.length > 0);
  },
  async delete(attemptId, connectionId) {
    await table.delete(keys.pushConnection(attemptId, connectionId));
  },
});
