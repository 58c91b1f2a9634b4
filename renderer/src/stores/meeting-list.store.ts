import { create } from 'zustand';
import type { IsoDate } from '../../../shared/domain/dates';
import type { MeetingKind, MeetingStatus } from '../../../shared/domain/meetings/meeting';
import { onReset } from './reset';

interface MeetingListData {
  /** The period listed; null until the screen first opens (then this year). */
  from: IsoDate | null;
  to: IsoDate | null;
  hiddenStatuses: MeetingStatus[];
  hiddenKinds: MeetingKind[];
  newestFirst: boolean;
}

interface MeetingListActions {
  setPeriod(from: IsoDate, to: IsoDate): void;
  toggleStatus(status: MeetingStatus): void;
  toggleKind(kind: MeetingKind): void;
  toggleSort(): void;
}

export type MeetingListState = MeetingListData & MeetingListActions;

const initial: MeetingListData = { from: null, to: null, hiddenStatuses: [], hiddenKinds: [], newestFirst: false };

const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The meetings screen's period, filters and order, remembered for the session. */
export const useMeetingListStore = create<MeetingListState>()((set, get) => ({
  ...initial,
  setPeriod(from, to) {
    set({ from, to });
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
}));

onReset(() => {
  useMeetingListStore.setState(initial);
});
