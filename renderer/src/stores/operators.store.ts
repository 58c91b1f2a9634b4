import { create } from 'zustand';
import { api } from '../api';
import type { AuthState, OperatorInput, OperatorView } from '../../../shared/contract/operators.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { useAuthStore } from './auth.store';
import { attempt, type Result } from './result';
import { onReset } from './reset';

/**
 * Settings → Operators and My account (issue 14, point 1): the administrator's list of operators,
 * and what any operator does to their own sign-in. An answer that is a new AuthState (own
 * secret, idle minutes) goes to the auth store, so the idle lock and the header follow it.
 */
interface OperatorsData {
  /** Null until first loaded. */
  list: OperatorView[] | null;
  listError: ErrorPayload | null;
}

interface OperatorsActions {
  load(): Promise<void>;
  /** Creates (id null) or changes an operator; the list is read again after a success. */
  save(input: OperatorInput): Promise<Result<OperatorView>>;
  changeOwnSecret(current: string, secret: string): Promise<Result<AuthState>>;
  /** A new administrator recovery code (the old one void), after the administrator's own secret. */
  newRecoveryCode(secret: string): Promise<Result<{ recoveryCode: string }>>;
  setIdleMinutes(minutes: number): Promise<Result<AuthState>>;
}

export type OperatorsStore = OperatorsData & OperatorsActions;

const initial: OperatorsData = { list: null, listError: null };

/** Only the newest list request may write the list. */
let latestList = 0;

function followAuth(result: Result<AuthState>): Result<AuthState> {
  if (result.ok) useAuthStore.setState({ state: result.value });
  return result;
}

export const useOperatorsStore = create<OperatorsStore>()((set, get) => ({
  ...initial,

  async load() {
    const request = ++latestList;
    const result = await attempt(() => api.operators.list({}));
    if (request !== latestList) return;
    set(result.ok ? { list: result.value, listError: null } : { listError: result.error });
  },

  async save(input) {
    const result = await attempt(() => api.operators.save(input));
    if (result.ok) await get().load();
    return result;
  },

  changeOwnSecret: async (current, secret) => followAuth(await attempt(() => api.operators.changeSecret({ current, secret }))),
  newRecoveryCode: (secret) => attempt(() => api.operators.newRecoveryCode({ secret })),
  setIdleMinutes: async (minutes) => followAuth(await attempt(() => api.settings.setIdleMinutes({ minutes }))),
}));

onReset(() => {
  latestList = 0;
  useOperatorsStore.setState(initial);
});
