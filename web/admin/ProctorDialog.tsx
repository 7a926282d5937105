// Reason prompt for a proctor action (pause, resume, extend with minutes, reset device, force submit): a
// ReasonDialog with the minutes field for an extension.
import { useState } from 'react';
import type { AttemptSummary } from '../../functions/schemas/staff.ts';
import type { ProctorAction } from '../api/admin.ts';
import { useI18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/id.ts';
import { ReasonDialog } from './ReasonDialog.tsx';

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
  const [minutes, setMinutes] = useState(10);
  const action = target?.action;
  const title = target
    ? t('admin.action.title', { action: t(ACTION_LABEL[target.action]), regNo: target.attempt.regNo })
    : '';
  return (
    <ReasonDialog
      open={target !== null}
      title={title}
      confirm={t('admin.action.confirm')}
      danger={action === 'submit' || action === 'reset-device'}
      busy={busy}
      error={error}
      onConfirm={(reason) => onConfirm(reason, action === 'extend' ? minutes : undefined)}
      onClose={onClose}
    >
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
    </ReasonDialog>
  );
}
