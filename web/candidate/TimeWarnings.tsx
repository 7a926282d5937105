// Time warnings at 10 and 5 minutes left: a visible banner and an assertive live-region announcement, once each.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18n.tsx';

export const WARN_MINUTES = [10, 5] as const;

/** Pure: the smallest warning threshold (minutes) the remaining time has reached, or null. */
export function warningFor(remainingMs: number | null): number | null {
  if (remainingMs === null || remainingMs <= 0) return null;
  let hit: number | null = null;
  for (const m of WARN_MINUTES) if (remainingMs <= m * 60_000) hit = m;
  return hit;
}

export function TimeWarnings({ remainingMs }: { remainingMs: number | null }) {
  const { t } = useI18n();
  const due = warningFor(remainingMs);
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    if (due !== null && due !== shown) setShown(due);
  }, [due, shown]);
  return (
    <div aria-live="assertive" aria-atomic="true" data-testid="time-warning">
      {shown !== null && (
        <p className="alert alert-warn">
          <strong>{t('exam.warn.minutes', { n: shown })}</strong>
        </p>
      )}
    </div>
  );
}
