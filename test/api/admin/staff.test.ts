import { beforeAll, describe, expect, it } from 'vitest';
import { auditDay } from '../../../functions/domain/audit-log.ts';
import { apiHarness } from '../harness.ts';

type H = Awaited<ReturnType<typeof apiHarness>>;
let h: H;
let admin: string;
let proctor: string;
let auditor: string;
const login = (username: string, password: string) =>
  h.call('POST', '/api/admin/login', { body: { username, password } });

beforeAll(async () => {
  h = await apiHarness(1);
  [admin, proctor, auditor] = await Promise.all([
    h.loginStaff('admin'),
    h.loginStaff('proctor'),
    h.loginStaff('auditor'),
  ]);
});

describe('staff accounts', () => {
  it('create -> list (no hashes) -> sign in; duplicate id 409', async () => {
    const res = await h.call('POST', '/api/admin/staff', {
      token: admin,
      body: { id: 'pengawas-baru', name: 'Pengawas Baru', role: 'proctor', password: 'kata-sandi-panjang-1' },
    });
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: 'pengawas-baru', name: 'Pengawas Baru', role: 'proctor' });
    expect((await login('pengawas-baru', 'kata-sandi-panjang-1')).status).toBe(200);
    const list = await h.call('GET', '/api/admin/staff', { token: admin });
    expect(list.json.staff.map((u: { id: string }) => u.id)).toContain('pengawas-baru');
    expect(JSON.stringify(list.json)).not.toContain('scrypt');
    const dup = await h.call('POST', '/api/admin/staff', {
      token: admin,
      body: { id: 'pengawas-baru', name: 'Orang Lain', role: 'admin', password: 'kata-sandi-panjang-2' },
    });
    expect(dup.status).toBe(409);
    expect((await h.store.users.get('pengawas-baru'))?.role).toBe('proctor');
  });

  it('disable stops sign-in, enable restores it; reset password changes it; all audited', async () => {
    const off = await h.call('POST', '/api/admin/staff/pengawas-baru/disabled', {
      token: admin,
      body: { disabled: true, reason: 'kontrak selesai' },
    });
    expect(off.json.user.disabled).toBe(true);
    expect((await login('pengawas-baru', 'kata-sandi-panjang-1')).status).toBe(401);
    await h.call('POST', '/api/admin/staff/pengawas-baru/disabled', {
      token: admin,
      body: { disabled: false, reason: 'diaktifkan lagi' },
    });
    const reset = await h.call('POST', '/api/admin/staff/pengawas-baru/password', {
      token: admin,
      body: { password: 'kata-sandi-baru-123', reason: 'lupa kata sandi' },
    });
    expect(reset.status).toBe(200);
    expect((await login('pengawas-baru', 'kata-sandi-panjang-1')).status).toBe(401);
    expect((await login('pengawas-baru', 'kata-sandi-baru-123')).status).toBe(200);
    const actions = (await h.store.audit.listDay(auditDay(h.now()))).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['staff.create', 'staff.disable', 'staff.enable', 'staff.resetPassword']),
    );
    expect(JSON.stringify(await h.store.audit.listDay(auditDay(h.now())))).not.toContain('kata-sandi');
  });

  it('an admin cannot disable themself; unknown account 404; weak password 400', async () => {
    const self = await h.call('POST', `/api/admin/staff/${h.demo.admin.username}/disabled`, {
      token: admin,
      body: { disabled: true, reason: 'uji coba' },
    });
    expect(self.status).toBe(409);
    expect(
      (
        await h.call('POST', '/api/admin/staff/nobody/password', {
          token: admin,
          body: { password: 'x'.repeat(12), reason: 'uji' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.call('POST', '/api/admin/staff', {
          token: admin,
          body: { id: 'a1', name: 'A', role: 'admin', password: 'pendek' },
        })
      ).status,
    ).toBe(400);
  });

  it.each<[string, string, unknown]>([
    ['GET', '/api/admin/staff', undefined],
    ['POST', '/api/admin/staff', { id: 'x-1', name: 'X', role: 'admin', password: 'kata-sandi-panjang-9' }],
    ['POST', '/api/admin/staff/pengawas-baru/disabled', { disabled: true, reason: 'tidak boleh' }],
    [
      'POST',
      '/api/admin/staff/pengawas-baru/password',
      { password: 'kata-sandi-panjang-9', reason: 'tidak boleh' },
    ],
  ])('%s %s: anonymous 401, proctor and auditor 403, nothing written', async (method, path, body) => {
    const before = JSON.stringify([await h.store.users.list(), await h.store.users.get('pengawas-baru')]);
    expect((await h.call(method, path, { body })).status).toBe(401);
    expect((await h.call(method, path, { body, token: proctor })).status).toBe(403);
    expect((await h.call(method, path, { body, token: auditor })).status).toBe(403);
    expect(JSON.stringify([await h.store.users.list(), await h.store.users.get('pengawas-baru')])).toBe(
      before,
    );
  });
});
