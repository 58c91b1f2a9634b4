import { create } from 'zustand';
import { api } from '../api';
import type { AuthState, WithRecoveryCode } from '../../../shared/contract/operators.contract';
import type { Permission } from '../../../shared/domain/operators/roles';
import { attempt, type Result } from './result';
import { onReset } from './reset';

/**
 * Who works at this screen (issue 14, point 1), as the core says: the core decides every
 * request (shared/contract/access.ts); the screens ask `can` only to hide what it would refuse.
 */
interface AuthData {
  state: AuthState | null;
}

interface AuthActions {
  /** Asks the core again (at start, and after any answer `auth_required` or `auth_locked`). */
  refresh(): Promise<Result<AuthState>>;
  signIn(login: string, secret: string): Promise<Result<AuthState>>;
  signOut(): Promise<Result<AuthState>>;
  lock(): Promise<Result<AuthState>>;
  unlock(secret: string): Promise<Result<AuthState>>;
  recover(input: { login: string; recoveryCode: string; secret: string }): Promise<Result<WithRecoveryCode>>;
  createFirst(input: { login: string; name: string; positionKk: string; positionRu: string; secret: string }): Promise<Result<WithRecoveryCode>>;
}

export type AuthStore = AuthData & AuthActions;

const initial: AuthData = { state: null };

export const useAuthStore = create<AuthStore>()((set) => {
  async function settle<T extends AuthState | WithRecoveryCode>(call: () => Promise<T>): Promise<Result<T>> {
    const result = await attempt(call);
    if (result.ok) set({ state: 'recoveryCode' in result.value ? result.value.state : result.value });
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
  };
});

/** Whether the operator signed in may do this; true on an installation with no operators yet. */
export function useCan(permission: Permission): boolean {
  return useAuthStore((s) => (s.state ? !s.state.operatorsExist || s.state.permissions.includes(permission) : false));
}

onReset(() => {
  useAuthStore.setState(initial);
});
