// Exam keyboard shortcuts: A–E or 1–5 answer, N / P next / previous, F toggles "unsure". Ignored with
// modifier keys, while typing in a text field, while a dialog is open, and while the exam is locked.
import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  answer(key: string): void;
  next(): void;
  prev(): void;
  flag(): void;
}

/** Pure: which action a key press means (null when none). */
export function shortcutFor(key: string): 'next' | 'prev' | 'flag' | 'answer' | null {
  const k = key.length === 1 ? key.toUpperCase() : key;
  if (k === 'N') return 'next';
  if (k === 'P') return 'prev';
  if (k === 'F') return 'flag';
  if (/^[A-E1-5]$/.test(k)) return 'answer';
  return null;
}

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(el.type)));

export function useShortcuts(enabled: boolean, actions: ShortcutActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor(e.key);
      if (!action) return;
      e.preventDefault();
      if (action === 'answer') ref.current.answer(e.key);
      else ref.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
