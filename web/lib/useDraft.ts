// useDraft: what a form edits over stored values that load after its first render (console settings forms),
// so that a load answering late never overwrites what the admin has already chosen.
import { useCallback, useState } from 'react';

export interface Draft<T> {
  /** The admin's edit of `of`, else the stored value (null while it loads). */
  draft: T | null;
  /** Replaces the draft; from then on a (re)load of the stored value no longer changes what the form shows. */
  change(next: T): void;
  /** The admin has changed something since the stored value (or the last discard). */
  dirty: boolean;
  /** Back to the stored value (after a save answered with it, or a cancel). */
  discard(): void;
}

/**
 * `stored` is what the server holds for `of` (e.g. an exam id), null until it is loaded. Until the first
 * change the form shows `stored` as it loads and reloads; after it, the admin's version until discard(). An
 * edit belongs to its `of`: choosing another exam starts from that exam's stored value, and an edit never
 * moves to another `of`.
 */
export function useDraft<T>(stored: T | null, of: string): Draft<T> {
  const [edit, setEdit] = useState<{ of: string; value: T } | null>(null);
  const mine = edit !== null && edit.of === of;
  const change = useCallback((value: T) => setEdit({ of, value }), [of]);
  const discard = useCallback(() => setEdit(null), []);
  return { draft: mine ? edit.value : stored, change, dirty: mine, discard };
}
