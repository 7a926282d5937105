// Error banner: the i18n text for an API error code (fallback: server message), announced via role=alert.
import { useI18n } from '../i18n/I18n.tsx';

export function ErrorAlert({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorText(error)}
    </div>
  );
}
