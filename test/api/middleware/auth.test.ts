// Auth middleware: a disabled staff account's unexpired token is refused (admin, proctor, auditor apps); the
// process that disabled it refuses at once, another process within STAFF_STATUS_MAX_AGE_MS; enabling restores it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../../../functions/api/app.ts';
import { STAFF_STATUS_MAX_AGE_MS } from '../../../functions/services/auth/staff-active.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
let admin: string;

beforeAll(async () => {
  h = await apiHarness(1);
  admin = await h.loginStaff('admin');
});

const setDisabled = (userId: string, disabled: boolean) =>
  h.call('POST', `/api/admin/staff/${userId}/disabled`, {
    token: admin,
    body: { disabled, reason: disabled ? 'kontrak selesai' : 'diaktifkan lagi' },
  });

describe('disabled staff tokens', () => {
  it.each([
    ['proctor', '/api/admin/sessions'],
    ['auditor', '/api/auditor/sessions'],
  ] as const)(
    '%s: token works, is refused 401 right after disable, works again after enable',
    async (who, path) => {
      const token = await h.loginStaff(who);
      const userId = h.demo[who].username;
      expect((await h.call('GET', path, { token })).status).toBe(200);
      expect((await setDisabled(userId, true)).status).toBe(200);
      const refused = await h.call('GET', path, { token });
      expect(refused.status).toBe(401);
      expect(refused.json.error.code).toBe('UNAUTHENTICATED');
      expect((await setDisabled(userId, false)).status).toBe(200);
      expect((await h.call('GET', path, { token })).status).toBe(200);
    },
  );

  it('a disabled admin cannot act (nothing written) and a deleted account is refused', async () => {
    await h.call('POST', '/api/admin/staff', {
      token: admin,
      body: { id: 'admin-kedua', name: 'Admin Kedua', role: 'admin', password: 'kata-sandi-panjang-9' },
    });
    const login = await h.call('POST', '/api/admin/login', {
      body: { username: 'admin-kedua', password: 'kata-sandi-panjang-9' },
    });
    const second = login.json.token as string;
    expect((await setDisabled('admin-kedua', true)).status).toBe(200);
    const create = await h.call('POST', '/api/admin/staff', {
      token: second,
      body: { id: 'siluman', name: 'Siluman', role: 'admin', password: 'kata-sandi-panjang-0' },
    });
    expect(create.status).toBe(401);
    expect(await h.store.users.get('siluman')).toBeUndefined();
  });

  it('another process (its own cache) refuses within the cache age, not before it expires', async () => {
    const token = await h.loginStaff('proctor');
    const userId = h.demo.proctor.username;
    // a second API process over the same table, as another Lambda would be
    const other = createApiApp(h.deps).app;
    const ask = async () =>
      (
        await other.request(
          '/api/admin/sessions',
          { headers: { authorization: `Bearer ${token}` } },
          { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
        )
      ).status;
    expect(await ask()).toBe(200);
    // disabled straight in the store (no in-process forget): only the cache age bounds the window
    const user = await h.store.users.get(userId);
    await h.store.users.put({ ...user!, disabled: true });
    h.advance(STAFF_STATUS_MAX_AGE_MS + 1);
    expect(await ask()).toBe(401);
    await h.store.users.put({ ...user!, disabled: false });
    h.advance(STAFF_STATUS_MAX_AGE_MS + 1);
    expect(await ask()).toBe(200);
  });
});
