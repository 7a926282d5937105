// A page for test/web/lib/useDraft.test.ts: useDraft in real React in Chromium, its stored value and `of`
// set by the test through window.probe (as a late load or another exam would), edits typed in an input.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useDraft } from '../../../web/lib/useDraft.ts';
import { settle, tick } from '../probe-settle.ts';

const controls: Record<string, (v: never) => void> = {};

function Form() {
  const [stored, setStored] = useState<string | null>(null);
  const [of, setOf] = useState('A');
  const { draft, change, dirty, discard } = useDraft(stored, of);
  tick();
  Object.assign(controls, { setStored, setOf, discard });
  return (
    <>
      {draft !== null && <input id="field" value={draft} onChange={(e) => change(e.target.value)} />}
      <output id="state">{JSON.stringify({ draft, dirty })}</output>
    </>
  );
}

const container = document.getElementById('root') as HTMLElement;
let root = createRoot(container);
root.render(<Form />);
Object.assign(window, {
  probe: {
    /** Sets a value as the page would; returns once React has rendered it (and what its effects set). */
    set: (name: string, v: unknown) => {
      controls[name]?.(v as never);
      return settle();
    },
    settle,
    reset: () => {
      root.unmount();
      root = createRoot(container);
      root.render(<Form />);
    },
  },
});
