import { create } from 'zustand';
import { api } from '../api';
import type { ObligationsGrid } from '../../../shared/contract/types';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './errors';

interface GridData {
  /** The year on screen; null until the calendar first opens. */
  year: number | null;
  grid: ObligationsGrid | null;
  loading: boolean;
  error: ErrorPayload | null;
}

interface GridActions {
  load(year: number): Promise<void>;
  /** Fetches the year on screen again (after a meeting is recorded or removed). */
  reload(): Promise<void>;
}

export type GridState = GridData & GridActions;

const initial: GridData = { year: null, grid: null, loading: false, error: null };

// Paging quickly through years must not let a slow earlier answer overwrite a later one.
let latestRequest = 0;

export const useGridStore = create<GridState>()((set, get) => ({
  ...initial,

  async load(year) {
    const request = ++latestRequest;
    set({ year, loading: true, error: null });
    try {
      const grid = await api.obligations.grid({ year });
      if (request === latestRequest) set({ grid, loading: false });
    } catch (error) {
      if (request === latestRequest) set({ loading: false, error: toErrorPayload(error) });
    }
  },

  async reload() {
    const { year } = get();
    if (year !== null) await get().load(year);
  },
}));

export function resetGridStore(): void {
  latestRequest = 0;
  useGridStore.setState(initial);
}
