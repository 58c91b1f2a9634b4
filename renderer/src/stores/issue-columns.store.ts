import { create } from 'zustand';
import { api } from '../api';
import { DEFAULT_COLUMNS_LAYOUT as DEFAULT_LAYOUT, withColumnHidden, withColumnWidth, type IssueColumnId, type IssueColumnsLayout } from '../../../shared/domain/issues/issue-columns';
import { onReset } from './reset';

interface ColumnsData {
  layout: IssueColumnsLayout;
  loaded: boolean;
  /** The table's inner width as last measured (null: not laid out, as in jsdom). */
  available: number | null;
}

interface ColumnsActions {
  /** Once per session: the layout this installation's user left. */
  load(): Promise<void>;
  setHidden(id: IssueColumnId, hidden: boolean): void;
  setWidth(id: IssueColumnId, px: number): void;
  reset(): void;
  setAvailable(px: number | null): void;
}

const initial: ColumnsData = { layout: DEFAULT_LAYOUT, loaded: false, available: null };

let loading: Promise<void> | null = null;
/** Saves in the order made, so a quick run of arrow presses ends with the last width stored. */
let saving: Promise<unknown> = Promise.resolve();

/**
 * The issue log's columns: shown at once from memory, stored through the core. A save that
 * fails leaves the layout on screen as the user made it; it is a preference, and the next
 * change saves it whole again.
 */
export const useIssueColumnsStore = create<ColumnsData & ColumnsActions>()((set, get) => {
  function save(layout: IssueColumnsLayout | null) {
    set({ layout: layout ?? DEFAULT_LAYOUT, loaded: true });
    saving = saving.then(() => api.settings.setIssueColumns({ layout })).catch(() => undefined);
  }

  return {
    ...initial,
    load() {
      if (get().loaded) return Promise.resolve();
      loading ??= api.settings
        .issueColumns({})
        // A change made while the layout was on its way wins over the stored one.
        .then((layout) => void (get().loaded || set({ layout: layout ?? DEFAULT_LAYOUT, loaded: true })))
        .catch(() => undefined)
        .finally(() => (loading = null));
      return loading;
    },
    setHidden: (id, hidden) => save(withColumnHidden(get().layout, id, hidden)),
    setWidth: (id, px) => save(withColumnWidth(get().layout, id, px)),
    reset: () => save(null),
    setAvailable: (px) => set({ available: px }),
  };
});

onReset(() => {
  loading = null;
  saving = Promise.resolve();
  useIssueColumnsStore.setState(initial);
});
