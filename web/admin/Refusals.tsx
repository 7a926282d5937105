// An API refusal with its rows (overlapping sessions, over capacity, unregistered), each said in the UI language.
import type { Refusal } from '../api/console.ts';
import { refusalsOf } from '../api/console.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';

export function RefusalAlert({ error }: { error: unknown }) {
  const { t, errorText } = useI18n();
  const rows = refusalsOf(error);
  const text = (r: Refusal): string => {
    switch (r.reason) {
      case 'overlap':
        return t('admin.refusal.overlap', { regNo: r.regNo ?? '', other: r.other ?? '' });
      case 'capacity':
        return t('admin.refusal.capacity', { sessionId: r.sessionId ?? '', message: r.message ?? '' });
      case 'cancelled':
        return t('admin.refusal.cancelled', { sessionId: r.sessionId ?? '' });
      case 'unregistered':
        return t('admin.refusal.unregistered', { regNo: r.regNo ?? '' });
      default:
        return [r.sessionId, r.regNo, r.message].filter(Boolean).join(' · ');
    }
  };
  if (!error) return null;
  if (rows.length === 0) return <ErrorAlert error={error} />;
  // one alert: the refusal and each row's reason, announced together
  return (
    <div className="alert alert-error" role="alert">
      {errorText(error)}
      {rows.length > 0 && (
        <ul className="refusals" data-testid="refusals">
          {rows.slice(0, 50).map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and never reorder
            <li key={i}>{text(r)}</li>
          ))}
          {rows.length > 50 && <li>{t('admin.refusal.more', { n: rows.length - 50 })}</li>}
        </ul>
      )}
    </div>
  );
}
