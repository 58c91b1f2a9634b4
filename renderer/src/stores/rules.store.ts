import { create } from 'zustand';
import { api } from '../api';
import type { RuleSetInput, RuleSetView } from '../../../shared/contract/rules.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { useGridStore } from './grid.store';
import { attempt, type Result } from './result';
import { onReset } from './reset';

interface RulesData {
  /** Every rule set, by the date it takes effect; null until first loaded. */
  sets: RuleSetView[] | null;
  loadError: ErrorPayload | null;
}

interface RulesActions {
  load(): Promise<void>;
  add(ruleSet: RuleSetInput): Promise<Result<RuleSetView>>;
  remove(id: string): Promise<Result<{ id: string }>>;
}

export type RulesState = RulesData & RulesActions;

const initial: RulesData = { sets: null, loadError: null };

/** The rule sets that say when meetings are due; a change moves the calendar's windows too. */
export const useRulesStore = create<RulesState>()((set, get) => {
  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await Promise.all([get().load(), useGridStore.getState().reload()]);
    return result;
  }

  return {
    ...initial,

    async load() {
      const result = await attempt(() => api.rules.list({}));
      set(result.ok ? { sets: result.value, loadError: null } : { loadError: result.error });
    },

    add: async (ruleSet) => changed(await attempt(() => api.rules.add({ ruleSet }))),
    remove: async (id) => changed(await attempt(() => api.rules.remove({ id }))),
  };
});

onReset(() => {
  useRulesStore.setState(initial);
});
