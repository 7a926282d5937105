// Save status: "Tersimpan" / "Menyimpan…" / "Offline – jawaban disimpan di perangkat" (live region).
import { useI18n } from '../i18n/I18n.tsx';
import type { SaveStatus } from './autosave.ts';

const KEY = {
  saved: 'save.saved',
  saving: 'save.saving',
  offline: 'save.offline',
  blocked: 'save.blocked',
} as const;

export function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  return (
    <output
      className={`save-status save-${status}`}
      aria-live="polite"
      data-testid="save-status"
      data-status={status}
    >
      <span className="save-dot" aria-hidden="true" />
      {t(KEY[status])}
    </output>
  );
}
