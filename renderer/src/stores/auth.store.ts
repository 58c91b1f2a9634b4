import { create } from 'zustand';
import { api, onSessionRefused } from '../api';
import type { AuthState, WithRecoveryCode } from '../../../shared/contract/operators.contract';
import type { Permission } from '../../../shared/domain/operators/roles';
import { useAppStore } from './app.store';
import { attempt, type Result } from './result';
import { onReset, resetAllStores } from './reset';

/**
 * Who works at this screen (issue 14, point 1), as the core says: the core decides every
 * request (shared/contract/access.ts); the screens ask `can` only to hide what it would refuse.
 */
interface AuthData {
  state: AuthState | null;
  /**
   * The administrator's new recovery code (after creating the first administrator, or a
   * recovery), held only until the person says it is written down: it is shown once.
   */
  recoveryCode: string | null;
}

interface AuthActions {
  /** Asks the core again (at start, on focus, and after any answer `auth_required` or `auth_locked`). */
  refresh(): Promise<Result<AuthState>>;
  signIn(login: string, secret: string): Promise<Result<AuthState>>;
  signOut(): Promise<Result<AuthState>>;
  lock(): Promise<Result<AuthState>>;
  unlock(secret: string): Promise<Result<AuthState>>;
  recover(input: { login: string; recoveryCode: string; secret: string }): Promise<Result<WithRecoveryCode>>;
  createFirst(input: { login: string; name: string; positionKk: string; positionRu: string; secret: string }): Promise<Result<WithRecoveryCode>>;
  /** The recovery code is on paper: it leaves the screen for good. */
  codeKept(): void;
}

export type AuthStore = AuthData & AuthActions;

const initial: AuthData = { state: null, recoveryCode: null };

export const useAuthStore = create<AuthStore>()((set, get) => {
  /**
   * The stores hold what the operator signed in was allowed to read (authors' phones among it):
   * once someone else's session begins, or nobody's, all of it goes and the app loads afresh.
   * A lock keeps the operator, and so the window behind it, unsaved typing included.
   */
  function follow(next: AuthState) {
    const before = get().state?.operator?.id ?? null;
    if (before !== null && next.operator?.id !== before) {
      const { recoveryCode } = get();
      resetAllStores();
      set({ state: next, recoveryCode });
      void useAppStore.getState().load();
      return;
    }
    set({ state: next });
  }
  async function settle<T extends AuthState | WithRecoveryCode>(call: () => Promise<T>): Promise<Result<T>> {
    const result = await attempt(call);
    if (result.ok) {
      const value = result.value;
      if ('recoveryCode' in value) {
        follow(value.state);
        set({ recoveryCode: value.recoveryCode });
      } else follow(value);
    }
    return result;
  }
  return {
    ...initial,
    refresh: () => settle(() => api.auth.state({})),
    signIn: (login, secret) => settle(() => api.auth.signIn({ login, secret })),
    signOut: () => settle(() => api.auth.signOut({})),
    lock: () => settle(() => api.auth.lock({})),
    unlock: (secret) => settle(() => api.auth.unlock({ secret })),
    recover: (input) => settle(() => api.auth.recover(input)),
    createFirst: (input) => settle(() => api.operators.createFirst(input)),
    codeKept: () => set({ recoveryCode: null }),
  };
});

// Whichever store's request the core refused for want of a session, the gate follows the core.
onSessionRefused(() => {
  void useAuthStore.getState().refresh();
});

/** Whether the operator signed in may do this; true on an installation with no operators yet. */
export function useCan(permission: Permission): boolean {
  return useAuthStore((s) => (s.state ? !s.state.operatorsExist || s.state.permissions.includes(permission) : false));
}

onReset(() => {
  useAuthStore.setState(initial);
});
