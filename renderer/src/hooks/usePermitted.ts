import { useEffect } from 'react';
import type { Permission } from '../../../shared/domain/operators/roles';
import { useAuthStore, useCan } from '../stores/auth.store';
import { onReset } from '../stores/reset';

/** One question to the core at a time, however many screens ask at once. */
let asking: Promise<unknown> | null = null;

/**
 * `useCan(permission)`, for a screen that shows or hides an action by role. Until someone has
 * asked the core who is signed in, useCan says no to everything: the first screen to need it
 * asks (the sign-in gate asks first when it is there, and then this never does).
 */
export function usePermitted(permission: Permission): boolean {
  const known = useAuthStore((s) => s.state !== null);
  useEffect(() => {
    if (known || asking) return;
    asking = useAuthStore
      .getState()
      .refresh()
      .finally(() => (asking = null));
  }, [known]);
  return useCan(permission);
}

onReset(() => {
  asking = null;
});
