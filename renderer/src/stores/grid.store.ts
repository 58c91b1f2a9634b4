import { create } from 'zustand';
import { api } from '../api';
import type { GridCell, ObligationsGrid, ObligationRef } from '../../../shared/contract/types';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './result';
import { onReset } from './reset';

interface GridData {
  /** The year on screen; null until the calendar first opens. */
  year: number | null;
  grid: ObligationsGrid | null;
  loading: boolean;
  error: ErrorPayload | null;
  /**
   * Other years' grids fetched to name a meeting's obligation window (a meeting card, the
   * meetings list); dropped whenever meetings change, since their statuses go stale.
   */
  byYear: Record<number, ObligationsGrid>;
}

interface GridActions {
  load(year: number): Promise<void>;
  /**
   * Loads `year` unless a year is already on screen: the calendar and the panels that need the
   * working units each ask when they first mount, in the same render, and the grid must be
   * fetched once.
   */
  open(year: number): Promise<void>;
  /** Fetches the year on screen again (after a meeting is recorded, planned or changed). */
  reload(): Promise<void>;
  /** Makes a year's grid available in `byYear` without changing the year on screen. */
  ensure(year: number): Promise<void>;
}

export type GridState = GridData & GridActions;

const initial: GridData = { year: null, grid: null, loading: false, error: null, byYear: {} };

// Paging quickly through years must not let a slow earlier answer overwrite a later one.
let latestRequest = 0;
const pendingYears = new Map<number, Promise<void>>();

export const useGridStore = create<GridState>()((set, get) => ({
  ...initial,

  async load(year) {
    const request = ++latestRequest;
    set({ year, loading: true, error: null });
    try {
      const grid = await api.obligations.grid({ year });
      if (request === latestRequest) set({ grid, loading: false, byYear: { ...get().byYear, [year]: grid } });
    } catch (error) {
      if (request === latestRequest) set({ loading: false, error: toErrorPayload(error) });
    }
  },

  async open(year) {
    if (get().year === null) await get().load(year);
  },

  async reload() {
    const { year } = get();
    set({ byYear: {} });
    pendingYears.clear();
    if (year !== null) await get().load(year);
  },

  ensure(year) {
    if (get().byYear[year]) return Promise.resolve();
    let pending = pendingYears.get(year);
    if (!pending) {
      pending = api.obligations
        .grid({ year })
        .then((grid) => set({ byYear: { ...get().byYear, [year]: grid } }))
        .catch((error: unknown) => {
          toErrorPayload(error);
        })
        .finally(() => pendingYears.delete(year));
      pendingYears.set(year, pending);
    }
    return pending;
  },
}));

/** The year a window key belongs to (`2025-Q1` → 2025), or null for a key of another shape. */
export function windowYear(ref: ObligationRef): number | null {
  const year = Number(ref.windowKey.slice(0, 4));
  return Number.isInteger(year) && year > 1000 ? year : null;
}

/** A unit's obligation cell in whichever cached grid holds it. */
export function findCell(byYear: Record<number, ObligationsGrid>, unitKato: string, ref: ObligationRef): GridCell | null {
  const year = windowYear(ref);
  const grid = year === null ? undefined : byYear[year];
  const row = grid?.rows.find((r) => r.unit.kato === unitKato);
  return row?.obligations.find((o) => o.ruleSetId === ref.ruleSetId && o.windowKey === ref.windowKey) ?? null;
}

onReset(() => {
  latestRequest = 0;
  pendingYears.clear();
  useGridStore.setState(initial);
});
