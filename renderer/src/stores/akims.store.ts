import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { Akim } from '../../../shared/contract/types';
import { attempt, type Result } from './result';
import { onReset } from './reset';

interface AkimsData {
  byUnit: Record<string, Akim[]>;
}

interface AkimsActions {
  load(unitKato: string): Promise<Result<Akim[]>>;
  save(input: ChannelInput<'akims:save'>): Promise<Result<Akim>>;
}

export type AkimsState = AkimsData & AkimsActions;

const initial: AkimsData = { byUnit: {} };

export const useAkimsStore = create<AkimsState>()((set, get) => ({
  ...initial,

  async load(unitKato) {
    const result = await attempt(() => api.akims.list({ unitKato }));
    if (result.ok) set({ byUnit: { ...get().byUnit, [unitKato]: result.value } });
    return result;
  },

  async save(input) {
    const result = await attempt(() => api.akims.save(input));
    if (result.ok) await get().load(input.unitKato);
    return result;
  },
}));

onReset(() => {
  useAkimsStore.setState(initial);
});
