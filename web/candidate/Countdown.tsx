// Countdown display; polite live region announces only whole minutes in the last stretch, not every second.
import { useI18n } from '../i18n/I18n.tsx';
import { formatDuration } from '../lib/timing.ts';

export function Countdown({ remainingMs }: { remainingMs: number | null }) {
  const { t } = useI18n();
  const low = remainingMs !== null && remainingMs < 5 * 60_000;
  return (
    <div className={low ? 'countdown countdown-low' : 'countdown'} data-testid="countdown">
      <span className="countdown-label">{t('exam.timeLeft')}</span>
      <time className="countdown-value" aria-live="off">
        {remainingMs === null ? '--:--' : formatDuration(remainingMs)}
      </time>
    </div>
  );
}
