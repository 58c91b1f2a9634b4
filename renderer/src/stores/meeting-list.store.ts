import { create } from 'zustand';
import type { IsoDate } from '../../../shared/domain/dates';
import { MEETING_KINDS, MEETING_STATUSES, type MeetingKind, type MeetingStatus } from '../../../shared/domain/meetings/meeting';
import { useAppStore } from './app.store';
import { onReset } from './reset';

interface MeetingListData {
  /** The period listed; null until the screen first opens (then this year). */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Only the meetings of this unit and the units under it; null: the whole working set. */
  unitKato: string | null;
  hiddenStatuses: MeetingStatus[];
  hiddenKinds: MeetingKind[];
  newestFirst: boolean;
}

/** What a drill-down opens the meetings screen on (statuses and kinds not given are all shown). */
export interface MeetingListView {
  unitKato: string;
  from: IsoDate;
  to: IsoDate;
  statuses?: readonly MeetingStatus[];
  kinds?: readonly MeetingKind[];
}

interface MeetingListActions {
  setPeriod(from: IsoDate, to: IsoDate): void;
  setUnit(unitKato: string | null): void;
  toggleStatus(status: MeetingStatus): void;
  toggleKind(kind: MeetingKind): void;
  toggleSort(): void;
  /** The meetings screen on exactly these meetings (from a number of a report). */
  show(view: MeetingListView): void;
}

export type MeetingListState = MeetingListData & MeetingListActions;

const initial: MeetingListData = { from: null, to: null, unitKato: null, hiddenStatuses: [], hiddenKinds: [], newestFirst: false };

const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The meetings screen's period, filters and order, remembered for the session. */
export const useMeetingListStore = create<MeetingListState>()((set, get) => ({
  ...initial,
  setPeriod(from, to) {
    set({ from, to });
  },
  setUnit(unitKato) {
    set({ unitKato });
  },
  toggleStatus(status) {
    set({ hiddenStatuses: toggle(get().hiddenStatuses, status) });
  },
  toggleKind(kind) {
    set({ hiddenKinds: toggle(get().hiddenKinds, kind) });
  },
  toggleSort() {
    set({ newestFirst: !get().newestFirst });
  },
  show({ unitKato, from, to, statuses, kinds }) {
    set({
      unitKato,
      from,
      to,
      hiddenStatuses: statuses ? MEETING_STATUSES.filter((s) => !statuses.includes(s)) : [],
      hiddenKinds: kinds ? MEETING_KINDS.filter((k) => !kinds.includes(k)) : [],
    });
    useAppStore.getState().navigate('meetings');
  },
}));

onReset(() => {
  useMeetingListStore.setState(initial);
});
