// Audit log repository: operation claims (AUDITOP#opId) and the chained entries of each day (AUDIT#day / E#seq).
import type { AuditEntry, AuditIntent } from '../domain/audit-log.ts';
import { DomainError } from '../domain/errors.ts';
import { keys, TABLE_KEYS } from './keys.ts';
import { Table } from './table.ts';
import type { AuditOperation, AuditRepo } from './types.ts';

const notExists = {
  condition: 'attribute_not_exists(#pk)',
  names: { '#pk': TABLE_KEYS.partitionKey },
  onConditional: 'DUPLICATE' as const,
};

/** Runs a conditional put; a failed condition is `false` (someone holds the key), anything else throws. */
const claimed = async (put: () => Promise<void>): Promise<boolean> => {
  try {
    await put();
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'DUPLICATE') return false;
    throw e;
  }
};

export const createAuditRepo = (table: Table): AuditRepo => ({
  claimOperation: (intent: AuditIntent) =>
    claimed(() => table.put(Table.toItem(keys.auditOperation(intent.id), { intent }), notExists)),

  async getOperation(opId: string): Promise<AuditOperation | undefined> {
    const item = await table.get(keys.auditOperation(opId), true);
    return item ? Table.fromItem<AuditOperation>(item) : undefined;
  },

  async markChained(opId: string, day: string, seq: number): Promise<void> {
    const key = keys.auditOperation(opId);
    await table.update({
      Key: { [TABLE_KEYS.partitionKey]: { S: key.PK }, [TABLE_KEYS.sortKey]: { S: key.SK } },
      UpdateExpression: 'SET #d = :d, #s = :s',
      ExpressionAttributeNames: { '#d': 'day', '#s': 'seq' },
      ExpressionAttributeValues: { ':d': { S: day }, ':s': { N: String(seq) } },
    });
  },

  async tail(day: string): Promise<AuditEntry | undefined> {
    const { PK, SKPrefix } = keys.auditDayPrefix(day);
    const [item] = await table.queryPartition(PK, {
      skPrefix: SKPrefix,
      consistent: true,
      descending: true,
      limit: 1,
    });
    return item ? Table.fromItem<AuditEntry>(item) : undefined;
  },

  appendEntry: (entry: AuditEntry) =>
    claimed(() => table.put(Table.toItem(keys.auditEntry(entry.day, entry.seq), entry), notExists)),

  async getEntry(day: string, seq: number): Promise<AuditEntry | undefined> {
    const item = await table.get(keys.auditEntry(day, seq), true);
    return item ? Table.fromItem<AuditEntry>(item) : undefined;
  },

  async listDay(day: string): Promise<AuditEntry[]> {
    const { PK, SKPrefix } = keys.auditDayPrefix(day);
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.map((i) => Table.fromItem<AuditEntry>(i));
  },
});
