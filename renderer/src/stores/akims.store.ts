import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { Akim } from '../../../shared/contract/types';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './errors';
import { onReset } from './reset';

interface AkimsData {
  byUnit: Record<string, Akim[]>;
}

export type AkimResult = { ok: true; akim: Akim } | { ok: false; error: ErrorPayload };

interface AkimsActions {
  load(unitKato: string): Promise<ErrorPayload | null>;
  save(input: ChannelInput<'akims:save'>): Promise<AkimResult>;
}

export type AkimsState = AkimsData & AkimsActions;

const initial: AkimsData = { byUnit: {} };

export const useAkimsStore = create<AkimsState>()((set, get) => ({
  ...initial,

  async load(unitKato) {
    try {
      const akims = await api.akims.list({ unitKato });
      set({ byUnit: { ...get().byUnit, [unitKato]: akims } });
      return null;
    } catch (error) {
      return toErrorPayload(error);
    }
  },

  async save(input) {
    let akim: Akim;
    try {
      akim = await api.akims.save(input);
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
    await get().load(input.unitKato);
    return { ok: true, akim };
  },
}));

onReset(() => {
  useAkimsStore.setState(initial);
});
