// Room-monitor progress repository: ROOM#session / A#attempt items (answered count, last save), one query per session.
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { RoomProgress, RoomRepo } from './types.ts';

export const createRoomRepo = (table: Table): RoomRepo => ({
  /** One UpdateItem per candidate login (1 WRU). */
  async recordLogin(p): Promise<void> {
    const k = keys.roomProgress(p.sessionId, p.attemptId);
    await table.update({
      Key: { PK: { S: k.PK }, SK: { S: k.SK } },
      UpdateExpression: 'SET #g = :g, #s = :s, #t = :t',
      ExpressionAttributeNames: { '#g': 'loggedInAt', '#s': 'sessionId', '#t': 'attemptId' },
      ExpressionAttributeValues: {
        ':g': { N: String(p.at) },
        ':s': { S: p.sessionId },
        ':t': { S: p.attemptId },
      },
    });
  },
  /** One unconditional UpdateItem (≤ 1 KB: 1 WRU); the caller throttles it. */
  async recordProgress(p): Promise<void> {
    const k = keys.roomProgress(p.sessionId, p.attemptId);
    await table.update({
      Key: { PK: { S: k.PK }, SK: { S: k.SK } },
      UpdateExpression: 'SET #a = :a, #l = :l, #s = :s, #t = :t',
      ExpressionAttributeNames: {
        '#a': 'answered',
        '#l': 'lastSaveAt',
        '#s': 'sessionId',
        '#t': 'attemptId',
      },
      ExpressionAttributeValues: {
        ':a': { N: String(p.answered) },
        ':l': { N: String(p.lastSaveAt) },
        ':s': { S: p.sessionId },
        ':t': { S: p.attemptId },
      },
    });
  },
  async listProgress(sessionId: string): Promise<RoomProgress[]> {
    const { PK, SKPrefix } = keys.roomProgressPartition(sessionId);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix });
    return items.map((i) => Table.fromItem<RoomProgress>(i));
  },
});
