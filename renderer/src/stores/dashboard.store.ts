import { create } from 'zustand';
import { api } from '../api';
import type { Dashboard } from '../../../shared/contract/calendar.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './result';
import { onReset } from './reset';

interface DashboardData {
  year: number | null;
  dashboard: Dashboard | null;
  loading: boolean;
  error: ErrorPayload | null;
}

interface DashboardActions {
  load(year: number): Promise<void>;
  /** Fetches the year shown again, if the dashboard was ever opened. */
  reload(): Promise<void>;
}

export type DashboardState = DashboardData & DashboardActions;

const initial: DashboardData = { year: null, dashboard: null, loading: false, error: null };

let latestRequest = 0;

export const useDashboardStore = create<DashboardState>()((set, get) => ({
  ...initial,

  async load(year) {
    const request = ++latestRequest;
    set({ year, loading: true, error: null });
    try {
      const dashboard = await api.dashboard.get({ year });
      if (request === latestRequest) set({ dashboard, loading: false });
    } catch (error) {
      if (request === latestRequest) set({ loading: false, error: toErrorPayload(error) });
    }
  },

  async reload() {
    const { year } = get();
    if (year !== null) await get().load(year);
  },
}));

onReset(() => {
  latestRequest = 0;
  useDashboardStore.setState(initial);
});
