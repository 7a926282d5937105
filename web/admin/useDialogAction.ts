// A console action confirmed in a dialog (answer an appeal, disable an account, new PIN): what it acts on, busy
// while it runs, its error shown in the dialog, and the notice it leaves on the page.
import { useCallback, useState } from 'react';
import { useAction } from '../lib/useAction.ts';

export interface DialogAction<T> {
  /** What the open dialog acts on; null: closed. */
  target: T | null;
  open(target: T): void;
  close(): void;
  busy: boolean;
  /** The failed attempt's error, shown in the dialog (cleared on open, close and each attempt). */
  error: unknown;
  /** What the last successful action said, shown on the page. */
  notice: string | null;
  setNotice(notice: string | null): void;
  /**
   * Runs `act` on the target: on success the dialog closes, its answer (if any) becomes the notice and
   * `after` runs (reload the page); an expired login goes to `onAuthError`, any other error stays in the dialog.
   */
  run(act: (target: T) => Promise<string | undefined>, after?: () => void): Promise<void>;
}

export function useDialogAction<T>(onAuthError: (err: unknown) => boolean): DialogAction<T> {
  const [target, setTarget] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run: attempt } = useAction(onAuthError);
  const open = useCallback(
    (t: T) => {
      setError(null);
      setTarget(t);
    },
    [setError],
  );
  const close = useCallback(() => {
    setTarget(null);
    setError(null);
  }, [setError]);
  const run = useCallback(
    async (act: (target: T) => Promise<string | undefined>, after?: () => void) => {
      if (target === null) return;
      await attempt(async () => {
        const said = await act(target);
        if (said !== undefined) setNotice(said);
        setTarget(null);
        after?.();
      });
    },
    [target, attempt],
  );
  return { target, open, close, busy, error, notice, setNotice, run };
}
