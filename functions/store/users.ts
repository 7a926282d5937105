// Staff user repository: credentials in USER#id/META.
import { keys } from './keys.ts';
import { Table } from './table.ts';
import type { StaffUser, UserRepo } from './types.ts';

export const createUserRepo = (table: Table): UserRepo => ({
  async put(user: StaffUser): Promise<void> {
    await table.put(Table.toItem(keys.user(user.id), user));
  },
  async get(userId: string): Promise<StaffUser | undefined> {
    const item = await table.get(keys.user(userId), true);
    return item ? Table.fromItem<StaffUser>(item) : undefined;
  },
});
