// Submit confirmation: answered / unanswered / flagged counts, then the irreversible submit.
import { Dialog } from '../components/Dialog.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  open: boolean;
  total: number;
  answered: number;
  flagged: number;
  busy: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

export function SubmitDialog({ open, total, answered, flagged, busy, error, onConfirm, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t('exam.submit.title')} onClose={onClose}>
      <p>{t('exam.submit.summary', { answered, total })}</p>
      <ul className="submit-summary">
        <li className={total - answered > 0 ? 'warn' : ''}>
          {t('exam.submit.unanswered', { n: total - answered })}
        </li>
        <li className={flagged > 0 ? 'warn' : ''}>{t('exam.submit.flagged', { n: flagged })}</li>
      </ul>
      <p className="muted">{t('exam.submit.warning')}</p>
      <ErrorAlert error={error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm-submit"
        >
          {busy ? t('exam.submit.busy') : t('exam.submit.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
