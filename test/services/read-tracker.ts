// For cache tests: the store reads a cache began in the background, so a test can wait for them to land.

/** `track` wraps a read; `settle` waits for every read tracked so far, then for the handlers the cache chained. */
export const readTracker = () => {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(read: Promise<T>): Promise<T> => {
    inFlight.add(read);
    const done = () => inFlight.delete(read);
    read.then(done, done);
    return read;
  };
  const settle = async (): Promise<void> => {
    await Promise.allSettled([...inFlight]);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { track, settle };
};
