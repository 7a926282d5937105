// Reason prompt for a proctor action (pause, resume, extend with minutes, reset device, force submit).
import { type FormEvent, useState } from 'react';
import type { AttemptSummary } from '../../functions/schemas/staff.ts';
import type { ProctorAction } from '../api/admin.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/id.ts';

export const ACTION_LABEL: Record<ProctorAction, MessageKey> = {
  pause: 'admin.action.pause',
  resume: 'admin.action.resume',
  extend: 'admin.action.extend',
  'reset-device': 'admin.action.resetDevice',
  submit: 'admin.action.submit',
};

interface Props {
  /** Whom the action is for: one attempt, or (bulk) a label such as "the whole room" in regNo. */
  target: { attempt: Pick<AttemptSummary, 'attemptId' | 'regNo'>; action: ProctorAction } | null;
  busy: boolean;
  error: unknown;
  onConfirm(reason: string, minutes: number | undefined): void;
  onClose(): void;
}

export function ProctorDialog({ target, busy, error, onConfirm, onClose }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState(10);
  const action = target?.action;
  const title = target
    ? t('admin.action.title', { action: t(ACTION_LABEL[target.action]), regNo: target.attempt.regNo })
    : '';

  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm(reason.trim(), action === 'extend' ? minutes : undefined);
  }

  return (
    <Dialog
      open={target !== null}
      title={title}
      onClose={() => {
        setReason('');
        onClose();
      }}
    >
      <form onSubmit={submit} className="form">
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
        {action === 'extend' && (
          <label className="field">
            <span>{t('admin.action.minutes')}</span>
            <input
              name="minutes"
              type="number"
              min={1}
              max={240}
              required
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
            />
          </label>
        )}
        <ErrorAlert error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={
              action === 'submit' || action === 'reset-device' ? 'btn btn-danger' : 'btn btn-primary'
            }
            disabled={busy || reason.trim().length < 3}
          >
            {t('admin.action.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
