// Staff accounts (admin only): list, create (admin, proctor, auditor), disable/enable and reset a password, each
// with the reason the audit log records. A disabled account's open tokens stop working (auth middleware).
import { type FormEvent, useState } from 'react';
import { consoleApi, type StaffEntry } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { DataTable } from './DataTable.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useDialogAction } from './useDialogAction.ts';
import { useStaff, useStaffQuery } from './useStaff.ts';

const ROLES = ['admin', 'proctor', 'auditor'] as const;
type Open = { kind: 'toggle' | 'password'; user: StaffEntry } | null;

export function StaffAccountsPage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  const { data, error, reload } = useStaffQuery(token, handleAuthError, (tok) => consoleApi.staff(tok), []);
  const list = data?.staff ?? null;
  const dialog = useDialogAction<NonNullable<Open>>(handleAuthError);
  const open = dialog.target;
  const [password, setPassword] = useState('');

  const act = (reason: string) =>
    dialog.run(
      async ({ kind, user }) => {
        if (kind === 'toggle') {
          const next = !user.disabled;
          await consoleApi.setDisabled(token, user.id, next, reason);
          return t(next ? 'admin.staff.disabledDone' : 'admin.staff.enabledDone', { id: user.id });
        }
        await consoleApi.resetPassword(token, user.id, password, reason);
        return t('admin.staff.passwordDone', { id: user.id });
      },
      () => {
        setPassword('');
        reload();
      },
    );

  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.staff.title')}</PageTitle>
      </div>
      <CreateForm
        token={token}
        onAuthError={handleAuthError}
        onDone={(u) => {
          dialog.setNotice(t('admin.staff.created', { id: u.id }));
          reload();
        }}
      />
      {dialog.notice && (
        <p role="status" className="notice">
          {dialog.notice}
        </p>
      )}
      <ErrorAlert error={error} />
      <DataTable
        caption={t('admin.staff.title')}
        testId="staff"
        rows={list}
        failed={error !== null}
        rowKey={(u) => u.id}
        rowAttrs={(u) => ({ 'data-user': u.id })}
        columns={[
          { header: t('admin.staff.col.id'), className: 'mono', cell: (u) => u.id },
          { header: t('admin.staff.col.name'), cell: (u) => u.name },
          { header: t('admin.staff.col.role'), cell: (u) => t(`admin.staff.role.${u.role}`) },
          {
            header: t('admin.staff.col.state'),
            cell: (u) => (
              <span className={u.disabled ? 'pill pill-expired' : 'pill pill-ok'}>
                {t(u.disabled ? 'admin.staff.disabled' : 'admin.staff.active')}
              </span>
            ),
          },
          {
            header: t('admin.sessions.col.actions'),
            cell: (u) => (
              <div className="actions">
                <button
                  type="button"
                  className={u.disabled ? 'btn btn-small' : 'btn btn-small btn-danger'}
                  onClick={() => dialog.open({ kind: 'toggle', user: u })}
                >
                  {t(u.disabled ? 'admin.staff.enable' : 'admin.staff.disable')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => dialog.open({ kind: 'password', user: u })}
                >
                  {t('admin.staff.resetPassword')}
                </button>
              </div>
            ),
          },
        ]}
      />
      <ReasonDialog
        open={open !== null}
        title={
          open === null
            ? ''
            : open.kind === 'password'
              ? t('admin.staff.passwordTitle', { id: open.user.id })
              : t(open.user.disabled ? 'admin.staff.enableTitle' : 'admin.staff.disableTitle', {
                  id: open.user.id,
                })
        }
        confirm={t('admin.action.confirm')}
        danger={open?.kind === 'toggle' && !open.user.disabled}
        busy={dialog.busy}
        error={dialog.error}
        ready={open?.kind !== 'password' || password.length >= 12}
        onConfirm={(reason) => void act(reason)}
        onClose={() => {
          dialog.close();
          setPassword('');
        }}
      >
        {open?.kind === 'password' && (
          <label className="field">
            <span>{t('admin.staff.newPassword')}</span>
            <input
              type="password"
              autoComplete="new-password"
              minLength={12}
              maxLength={256}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        )}
      </ReasonDialog>
    </StaffLayout>
  );
}

function CreateForm({
  token,
  onDone,
  onAuthError,
}: {
  token: string;
  onDone(u: StaffEntry): void;
  onAuthError(err: unknown): boolean;
}) {
  const { t } = useI18n();
  const empty = { id: '', name: '', role: 'proctor' as StaffEntry['role'], password: '' };
  const [f, setF] = useState(empty);
  const { busy, error, run } = useAction(onAuthError);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const { user } = await consoleApi.createStaff(token, { ...f, id: f.id.trim(), name: f.name.trim() });
      setF(empty);
      onDone(user);
    });
  }
  return (
    <section className="card" aria-labelledby="new-staff">
      <h2 id="new-staff">{t('admin.staff.createTitle')}</h2>
      <form className="form form-grid" onSubmit={submit}>
        <label className="field">
          <span>{t('admin.staff.col.id')}</span>
          <input
            required
            maxLength={64}
            pattern="[A-Za-z0-9._\-]+"
            autoComplete="off"
            value={f.id}
            onChange={(e) => setF({ ...f, id: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('admin.staff.col.name')}</span>
          <input
            required
            maxLength={120}
            value={f.name}
            onChange={(e) => setF({ ...f, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('admin.staff.col.role')}</span>
          <select value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as StaffEntry['role'] })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.staff.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('admin.staff.password')}</span>
          <input
            type="password"
            required
            minLength={12}
            maxLength={256}
            autoComplete="new-password"
            value={f.password}
            onChange={(e) => setF({ ...f, password: e.target.value })}
          />
        </label>
        <div className="field-wide">
          <ErrorAlert error={error} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('admin.staff.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
