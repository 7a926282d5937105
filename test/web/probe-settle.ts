// In a probe page: waits until React has nothing left to do (no DOM change, render or request for a while).
// React renders a state update in a later task and runs its effects in yet another, so one setTimeout(0)
// after a change can read the page (or the requests) before they happen.

let ticks = 0;

/** Marks activity the DOM does not show (a render, a request made): `settle` waits past it. */
export const tick = (): void => {
  ticks++;
};

/** Resolves once `quietMs` passed with no DOM mutation and no `tick` (at least one such window). */
export const settle = async (quietMs = 10): Promise<void> => {
  const observer = new MutationObserver(tick);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    let seen: number;
    do {
      seen = ticks;
      await new Promise((r) => setTimeout(r, quietMs));
    } while (seen !== ticks);
  } finally {
    observer.disconnect();
  }
};
