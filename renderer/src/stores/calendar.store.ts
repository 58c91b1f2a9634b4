import { create } from 'zustand';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ComplianceStatus } from '../../../shared/domain/rules';
import type { UnitKind } from '../../../shared/domain/units/unit-kind';
import { onReset } from './reset';

export type CalendarView = 'month' | 'year' | 'dashboard';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'year', 'dashboard'];

/** What the status filter offers: the compliance statuses, and "a meeting is planned". */
export type FilterStatus = ComplianceStatus | 'planned';
export const FILTER_STATUSES: readonly FilterStatus[] = ['planned', 'open', 'upcoming', 'held_on_time', 'held_late', 'missed'];

interface CalendarData {
  /** The year grid opens first: it is the compliance overview every earlier test and E2E expects. */
  view: CalendarView;
  /** The day the month view shows and has keyboard focus on; null until it first opens (then today). */
  cursor: IsoDate | null;
  /** Unchecked boxes: a kind or status the working set gains later starts out shown. */
  hiddenKinds: UnitKind[];
  hiddenStatuses: FilterStatus[];
}

interface CalendarActions {
  setView(view: CalendarView): void;
  setCursor(day: IsoDate): void;
  toggleKind(kind: UnitKind): void;
  toggleStatus(status: FilterStatus): void;
  clearFilters(): void;
}

export type CalendarState = CalendarData & CalendarActions;

const initial: CalendarData = { view: 'year', cursor: null, hiddenKinds: [], hiddenStatuses: [] };

const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The calendar's view, month and filters, remembered for the session (not saved). */
export const useCalendarStore = create<CalendarState>()((set, get) => ({
  ...initial,
  setView(view) {
    set({ view });
  },
  setCursor(cursor) {
    set({ cursor });
  },
  toggleKind(kind) {
    set({ hiddenKinds: toggle(get().hiddenKinds, kind) });
  },
  toggleStatus(status) {
    set({ hiddenStatuses: toggle(get().hiddenStatuses, status) });
  },
  clearFilters() {
    set({ hiddenKinds: [], hiddenStatuses: [] });
  },
}));

onReset(() => {
  useCalendarStore.setState(initial);
});
