// useAction: runs one user action at a time with a busy flag and the error it ended with (forms, dialogs).
import { useCallback, useState } from 'react';

/**
 * `run(fn)` sets busy, clears the last error, awaits fn and keeps its error unless `handled(err)` returns true
 * (e.g. an expired staff session that navigates to the login page instead).
 */
export function useAction(handled?: (err: unknown) => boolean) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await fn();
      } catch (err) {
        if (!handled?.(err)) setError(err);
      } finally {
        setBusy(false);
      }
    },
    [handled],
  );
  return { busy, error, setError, run };
}
