// Staff accounts: create, disable/enable and reset a password, each audited; the directory without hashes.
import type { StaffDirectoryEntry, StaffUser } from '../store/types.ts';
import type { AuditLog } from './audit-log.ts';
import { hashPassword } from './auth/passwords.ts';
import { forgetStaffStatus } from './auth/staff-active.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { StaffRequest } from './request.ts';

export const createStaffAccounts = (deps: Deps, audit: AuditLog) => {
  const { store } = deps;
  const get = async (id: string): Promise<StaffUser> => {
    const u = await store.users.get(id);
    if (!u) throw userError('NOT_FOUND.account', { id });
    return u;
  };
  const view = ({ passwordHash: _h, ...rest }: StaffUser): StaffDirectoryEntry => rest;
  return {
    list: (): Promise<StaffDirectoryEntry[]> => store.users.list(),

    async create(
      req: StaffRequest,
      body: { id: string; name: string; role: StaffUser['role']; password: string },
    ): Promise<StaffDirectoryEntry> {
      const user: StaffUser = {
        id: body.id,
        name: body.name,
        role: body.role,
        passwordHash: await hashPassword(body.password),
      };
      await audit.run(
        { ...req, action: 'staff.create', target: `user:${user.id}`, details: { role: user.role } },
        async () => {
          const existing = await store.users.get(user.id);
          // the same operation retried finds its own account; any other existing id is a duplicate
          if (existing && existing.role === user.role && existing.name === user.name) return;
          await store.users.create(user);
        },
      );
      return view(user);
    },

    async setDisabled(req: StaffRequest, id: string, disabled: boolean, reason: string) {
      if (id === req.actor.id && disabled) throw userError('CONFLICT.disableSelf');
      const u = await get(id);
      const next = { ...u, disabled };
      await audit.run(
        { ...req, action: disabled ? 'staff.disable' : 'staff.enable', target: `user:${id}`, reason },
        () => store.users.put(next),
      );
      forgetStaffStatus(deps, id);
      return view(next);
    },

    async resetPassword(req: StaffRequest, id: string, password: string, reason: string) {
      const u = await get(id);
      const next = { ...u, passwordHash: await hashPassword(password) };
      await audit.run({ ...req, action: 'staff.resetPassword', target: `user:${id}`, reason }, () =>
        store.users.put(next),
      );
      return view(next);
    },
  };
};
