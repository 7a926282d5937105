// Staff user repository: credentials in USER#id/META, and a directory copy without the hash in USERS/USER#id.
import { keys, TABLE_KEYS } from './keys.ts';
import { Table } from './table.ts';
import type { StaffDirectoryEntry, StaffUser, UserRepo } from './types.ts';

const entryOf = ({ passwordHash: _hash, ...rest }: StaffUser): StaffDirectoryEntry => rest;

export const createUserRepo = (table: Table): UserRepo => ({
  /** META first (the truth login reads), then the directory copy. */
  async put(user: StaffUser): Promise<void> {
    await table.put(Table.toItem(keys.user(user.id), user));
    await table.put(Table.toItem(keys.userListEntry(user.id), entryOf(user)));
  },
  /** Conditional on the id being free: an existing account -> DUPLICATE. */
  async create(user: StaffUser): Promise<void> {
    await table.put(Table.toItem(keys.user(user.id), user), {
      condition: 'attribute_not_exists(#pk)',
      names: { '#pk': TABLE_KEYS.partitionKey },
      onConditional: 'DUPLICATE',
    });
    await table.put(Table.toItem(keys.userListEntry(user.id), entryOf(user)));
  },
  async get(userId: string): Promise<StaffUser | undefined> {
    const item = await table.get(keys.user(userId), true);
    return item ? Table.fromItem<StaffUser>(item) : undefined;
  },
  async list(): Promise<StaffDirectoryEntry[]> {
    const { PK, SKPrefix } = keys.userList();
    const items = await table.queryPartition(PK, { skPrefix: SKPrefix, consistent: true });
    return items.map((i) => Table.fromItem<StaffDirectoryEntry>(i));
  },
});
