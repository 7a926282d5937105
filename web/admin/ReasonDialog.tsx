// A confirm dialog that asks for the reason the audit log records (cancel a session, disable an account, new PIN).
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  open: boolean;
  title: string;
  confirm: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  /** Extra fields above the reason (e.g. a new password). */
  children?: ReactNode;
  /** Extra validity the children add (the reason is always checked). */
  ready?: boolean;
  onConfirm(reason: string): void;
  onClose(): void;
}

export function ReasonDialog({
  open,
  title,
  confirm,
  danger,
  busy,
  error,
  children,
  ready = true,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  // each opening starts with an empty reason (the dialog stays mounted between uses)
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const close = () => {
    setReason('');
    onClose();
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm(reason.trim());
  }
  return (
    <Dialog open={open} title={title} onClose={close}>
      <form onSubmit={submit} className="form">
        {children}
        <label className="field">
          <span>{t('admin.action.reason')}</span>
          <textarea
            name="reason"
            required
            minLength={3}
            maxLength={500}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <ErrorAlert error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={danger ? 'btn btn-danger' : 'btn btn-primary'}
            disabled={busy || !ready || reason.trim().length < 3}
          >
            {confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
