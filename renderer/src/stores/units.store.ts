import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { UnitSearchHit, UnitSummary } from '../../../shared/contract/types';
import { attempt, type Result } from './result';
import { onReset } from './reset';

export type SubtreeUnit = UnitSummary & { depth: number };

interface UnitsData {
  /** Units by KATO code. A unit never changes within a KATO edition: one answer per session. */
  byKato: Record<string, UnitSummary>;
  /** A unit with everything under it (venues: its localities), in tree order, by the unit's code. */
  subtrees: Record<string, SubtreeUnit[]>;
}

interface UnitsActions {
  /** Fetches a unit into `byKato` unless it is there; a failure is not kept, so the next asks again. */
  ensureUnit(kato: string): Promise<void>;
  /** Fetches a subtree into `subtrees` unless it is there; a failure is not kept either. */
  ensureSubtree(kato: string): Promise<void>;
  search(input: ChannelInput<'units:search'>): Promise<Result<UnitSearchHit[]>>;
}

export type UnitsState = UnitsData & UnitsActions;

const initial: UnitsData = { byKato: {}, subtrees: {} };

// Requests in flight, so several screens asking for one unit send one request: not state.
const pendingUnits = new Map<string, Promise<void>>();
const pendingSubtrees = new Map<string, Promise<void>>();

/** One request per key at a time; `store` runs only on success. */
function once<T>(pending: Map<string, Promise<void>>, key: string, call: () => Promise<T>, store: (value: T) => void): Promise<void> {
  let request = pending.get(key);
  if (!request) {
    request = attempt(call)
      .then((result) => {
        if (result.ok) store(result.value);
      })
      .finally(() => pending.delete(key));
    pending.set(key, request);
  }
  return request;
}

/** The KATO classifier as far as the renderer has asked for it. */
export const useUnitsStore = create<UnitsState>()((set, get) => ({
  ...initial,

  ensureUnit(kato) {
    if (get().byKato[kato]) return Promise.resolve();
    return once(pendingUnits, kato, () => api.units.get({ kato }), (unit) => set((s) => ({ byKato: { ...s.byKato, [kato]: unit } })));
  },

  ensureSubtree(kato) {
    if (get().subtrees[kato]) return Promise.resolve();
    return once(pendingSubtrees, kato, () => api.units.subtree({ kato }), (units) => set((s) => ({ subtrees: { ...s.subtrees, [kato]: units } })));
  },

  search: (input) => attempt(() => api.units.search(input)),
}));

onReset(() => {
  pendingUnits.clear();
  pendingSubtrees.clear();
  useUnitsStore.setState(initial);
});
