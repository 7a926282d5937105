// One table row's actions behind a single menu button (room monitor): the menu opens under the button in the
// top layer (a popover, never cut off by the scroll box), arrow keys move, Escape / Tab / a click outside close.
import { type KeyboardEvent, type ToggleEvent, useId, useRef, useState } from 'react';

export interface RowAction<A extends string> {
  id: A;
  label: string;
  danger?: boolean;
}

interface Props<A extends string> {
  /** The button's visible text ("Actions"). */
  text: string;
  /** Its accessible name, naming the row ("Actions for E2E-0001"); starts with `text`. */
  label: string;
  actions: readonly RowAction<A>[];
  onPick(action: A): void;
}

const GAP = 4;

export function RowActionsMenu<A extends string>({ text, label, actions, onPick }: Props<A>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  /** Under the button, right edges aligned: set before the menu shows, so it never appears elsewhere first. */
  function place(e: ToggleEvent<HTMLDivElement>) {
    const b = button.current?.getBoundingClientRect();
    const m = menu.current;
    if (e.newState !== 'open' || !b || !m) return;
    m.style.top = `${b.bottom + GAP}px`;
    m.style.bottom = 'auto';
    m.style.right = `${Math.max(GAP, document.documentElement.clientWidth - b.right)}px`;
  }
  /** Once shown (its height known): above the button when the window has no room below it. */
  function flip() {
    const b = button.current?.getBoundingClientRect();
    const m = menu.current;
    if (!b || !m || b.bottom + GAP + m.offsetHeight <= window.innerHeight) return;
    m.style.top = 'auto';
    m.style.bottom = `${Math.max(GAP, window.innerHeight - b.top + GAP)}px`;
  }

  // a scroll or resize would leave the open menu away from its button: it closes instead
  const close = () => menu.current?.hidePopover();
  function toggled(e: ToggleEvent<HTMLDivElement>) {
    const opened = e.newState === 'open';
    setOpen(opened);
    if (opened) {
      flip();
      items()[0]?.focus();
      document.addEventListener('scroll', close, { capture: true, passive: true, once: true });
      window.addEventListener('resize', close, { once: true });
    } else {
      document.removeEventListener('scroll', close, { capture: true });
      window.removeEventListener('resize', close);
      if (!document.activeElement || document.activeElement === document.body) button.current?.focus();
    }
  }

  function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    menu.current?.showPopover();
    if (e.key === 'ArrowUp') items().at(-1)?.focus();
  }

  function onMenuKey(e: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      e.key === 'ArrowDown'
        ? (at + 1) % list.length
        : e.key === 'ArrowUp'
          ? (at - 1 + list.length) % list.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? list.length - 1
              : null;
    if (to !== null) {
      e.preventDefault();
      list[to]?.focus();
    } else if (e.key === 'Tab') {
      // Tab leaves the menu from its button, so focus moves on to what follows the button
      button.current?.focus();
      close();
    }
  }

  function pick(action: A) {
    button.current?.focus();
    close();
    onPick(action);
  }

  if (actions.length === 0) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn btn-small row-actions-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        popoverTarget={id}
        onKeyDown={onButtonKey}
      >
        {text}
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        className="row-actions-menu"
        onBeforeToggle={place}
        onToggle={toggled}
        onKeyDown={onMenuKey}
      >
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={a.danger ? 'row-action row-action-danger' : 'row-action'}
            onClick={() => pick(a.id)}
          >
            {a.label}
          </button>
        ))}
      </div>
    </>
  );
}
