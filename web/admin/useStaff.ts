// Staff auth guard: the stored staff login, redirecting to the login page when absent or expired.
import { useCallback, useEffect, useState } from 'react';
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
