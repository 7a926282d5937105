// Banner shown while the exam is locked: paused by the proctor, time up, or sending refused.
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';

/** Why the exam is locked: paused by the proctor, time up, or sending refused (with the refusal). */
export type Lock = { kind: 'paused' } | { kind: 'timeup' } | { kind: 'blocked'; error: unknown };

export function LockPanel({ lock }: { lock: Lock }) {
  const { t } = useI18n();
  if (lock.kind === 'blocked') return <ErrorAlert error={lock.error} />;
  const paused = lock.kind === 'paused';
  return (
    <div className="alert alert-lock" role="status" data-testid="lock">
      <strong>{t(paused ? 'exam.paused.title' : 'exam.timeup.title')}</strong>
      <p>{t(paused ? 'exam.paused.body' : 'exam.timeup.body')}</p>
    </div>
  );
}
