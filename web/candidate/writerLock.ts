// One writer per attempt across tabs (Web Locks API): the tab holding the lock sends answers; another tab
// of the same attempt is told so and waits for the lock. Without the API (old browsers) every tab writes.

export interface WriterLock {
  /** true when this tab holds the lock, false when another tab holds it. */
  acquired: Promise<boolean>;
  /** Resolves when a waiting tab finally gets the lock (the other tab closed). */
  later: Promise<void>;
  release(): void;
}

export function writerLock(attemptId: string): WriterLock {
  const name = `seleksi.writer.${attemptId}`;
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return { acquired: Promise.resolve(true), later: new Promise(() => undefined), release };
  let gotLater: () => void = () => undefined;
  const later = new Promise<void>((r) => {
    gotLater = r;
  });
  const acquired = new Promise<boolean>((resolve) => {
    locks
      .request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) {
          resolve(false);
          // Queue behind the writer; when it goes, this tab may take over (after a reload).
          locks
            .request(name, async () => {
              gotLater();
              await held;
            })
            .catch(() => undefined);
          return;
        }
        resolve(true);
        await held;
      })
      .catch(() => resolve(true));
  });
  return { acquired, later, release };
}
