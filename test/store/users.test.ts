import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser, Store } from '../../functions/store/types.ts';
import { testStore } from './helpers.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

describe('users', () => {
  it('put, get, overwrite', async () => {
    const u: StaffUser = {
      id: 'admin',
      name: 'Admin',
      role: 'admin',
      passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
    };
    await store.users.put(u);
    expect(await store.users.get('admin')).toEqual(u);
    await store.users.put({ ...u, role: 'auditor' });
    expect((await store.users.get('admin'))?.role).toBe('auditor');
    expect(await store.users.get('ghost')).toBeUndefined();
  });
});
