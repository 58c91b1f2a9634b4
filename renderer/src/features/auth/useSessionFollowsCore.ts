import { useEffect } from 'react';
import { useAuthStore } from '../../stores/auth.store';

/**
 * The main process locks the session when the computer locks or sleeps: coming back to the
 * window (focus, the tab shown again) asks the core, so the lock screen is there at once.
 */
export function useSessionFollowsCore(): void {
  const refresh = useAuthStore((s) => s.refresh);
  useEffect(() => {
    const ask = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', ask);
    document.addEventListener('visibilitychange', ask);
    return () => {
      window.removeEventListener('focus', ask);
      document.removeEventListener('visibilitychange', ask);
    };
  }, [refresh]);
}
