// Staff auth guard and page loads: the stored staff login (redirecting to the login page when absent or
// expired), and useStaffQuery, the one way a console screen loads what it shows.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors.ts';
import { getStaff, type StaffAuth, setStaff } from '../lib/auth.ts';
import { navigate, paths } from '../lib/router.ts';

export function useStaff(): {
  staff: StaffAuth | null;
  handleAuthError(err: unknown): boolean;
  logout(): void;
} {
  const [staff] = useState(getStaff);
  useEffect(() => {
    if (!staff) navigate(paths.adminLogin, true);
  }, [staff]);
  const logout = useCallback(() => {
    setStaff(null);
    navigate(paths.adminLogin);
  }, []);
  const handleAuthError = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
      setStaff(null);
      navigate(paths.adminLogin, true);
      return true;
    }
    return false;
  }, []);
  return { staff, handleAuthError, logout };
}

export interface StaffQuery<T> {
  /** The last answer (kept while a reload runs and after a failed one); null before the first. */
  data: T | null;
  setData(data: T | null): void;
  /** The error the page shows: the last load's, or one an action reported through fail(). */
  error: unknown;
  setError(error: unknown): void;
  /** Shows an action's error on the page, unless it is an expired login (then: the login page). */
  fail(error: unknown): void;
  /** A request is running. */
  loading: boolean;
  /** Loads again (after an action changed what the page shows). */
  reload(): void;
}

/**
 * Loads what a staff screen shows: `fetch(token)` on mount, whenever the token or `deps` change, and on
 * reload(). A success clears the error; a failure keeps the last data and shows the error, except an expired
 * login, which `onAuthError` handles (useStaff's handleAuthError: to the login page). An answer overtaken by
 * a newer request (inputs changed, reload, unmount) is dropped. No token, or `fetch` answering null: nothing
 * to load yet. `clear`: show nothing while a request for new inputs runs, instead of the last data.
 * The closure's inputs go in `deps` (biome checks them at each call, biome.json).
 */
export function useStaffQuery<T>(
  token: string,
  onAuthError: (err: unknown) => boolean,
  fetch: (token: string) => Promise<T> | null,
  deps: DependencyList,
  { clear = false }: { clear?: boolean } = {},
): StaffQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetch's inputs are the caller's deps, checked at each call site
  const reload = useCallback(() => {
    const mine = ++latest.current;
    const request = token ? fetch(token) : null;
    if (!request) return;
    if (clear) {
      setData(null);
      setError(null);
    }
    setLoading(true);
    request.then(
      (value) => {
        if (mine !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== latest.current) return;
        setLoading(false);
        if (!onAuthError(err)) setError(err);
      },
    );
  }, [token, onAuthError, clear, ...deps]);

  useEffect(() => {
    reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  const fail = useCallback((err: unknown) => onAuthError(err) || setError(err), [onAuthError]);
  return { data, setData, error, setError, fail, loading, reload };
}
