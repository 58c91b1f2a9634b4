import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { Issue, IssueAuthor, IssueCounts, IssueFilter, IssueRow, IssueSort, IssueSortKey } from '../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { useAppStore } from './app.store';
import { attempt, type Result } from './result';
import { onReset } from './reset';
import { useRemindersStore } from './reminders.store';

/** Rows are fetched a window at a time: enough for a few screens, small enough to answer at once. */
export const PAGE_SIZE = 200;
/** Windows kept around the one in view; the rest are dropped so 100,000 rows never pile up. */
const KEEP_PAGES = 4;

export type IssuesTab = 'log' | 'plan' | 'import';
export type SavedFilter = { id: string; name: string; filter: IssueFilter };

interface Page {
  generation: number;
  rows: IssueRow[];
}

interface IssuesData {
  tab: IssuesTab;
  filter: IssueFilter;
  sort: IssueSort;
  /** Changes with every filter or sort: the list is a different one (the active row starts over). */
  queryId: number;
  /** Changes with every query and every refresh: windows of an older generation are fetched again. */
  generation: number;
  /** How many issues match; null until the first window of a query arrives. */
  total: number | null;
  /** The core's offer when a search found nothing: the search cut to its stems. */
  suggestion: string | null;
  pages: Record<number, Page>;
  listError: ErrorPayload | null;
  counts: IssueCounts | null;
  /** Selected issues → the revision they had when selected. */
  selected: Record<string, number>;
  savedFilters: SavedFilter[];
  savedFilterId: string | null;
  /** The compact "new issue" form at the top of the log. */
  composing: boolean;
  /** Issues opened in a card, as last fetched or changed. */
  byId: Record<string, Issue>;
}

interface IssuesActions {
  setTab(tab: IssuesTab): void;
  /** Merges into the filter (an undefined or empty value removes the key) and lists afresh. */
  setFilter(patch: Partial<IssueFilter>): void;
  replaceFilter(filter: IssueFilter): void;
  /** The same column flips the direction; another column sorts ascending. */
  sortBy(key: IssueSortKey): void;
  /** Lists afresh (new filter or sort): counts and the first window. */
  query(): void;
  /** The same list after a change: counts again, the windows in view again, nothing blanked meanwhile. */
  refresh(): Promise<void>;
  /** Fetches the windows covering rows first..last that are missing or stale. */
  ensureRange(first: number, last: number): Promise<void>;
  toggleSelected(row: IssueRow): void;
  setSelected(rows: readonly IssueRow[], on: boolean): void;
  clearSelection(): void;
  setComposing(on: boolean): void;
  /** The log of one meeting, with the new-issue form open (from the meeting card). */
  openForMeeting(meetingId: string): void;
  /** The log with exactly this filter (a drill-down from a report's number). */
  openLog(filter: IssueFilter): void;

  loadSavedFilters(): Promise<Result<SavedFilter[]>>;
  saveFilter(name: string): Promise<Result<SavedFilter>>;
  applySavedFilter(id: string | null): void;
  removeSavedFilter(id: string): Promise<Result<SavedFilter[]>>;

  loadIssue(id: string): Promise<Result<Issue>>;
  /** The open issues of a meeting's unit raised at its earlier meetings (what its agenda reports on). */
  carryOver(meetingId: string): Promise<Result<IssueRow[]>>;
  /** A few issues of a unit matching a search (to pick the one an issue repeats). */
  find(search: string, unitKato: string): Promise<Result<IssueRow[]>>;
  create(input: ChannelInput<'issues:create'>): Promise<Result<Issue>>;
  update(input: ChannelInput<'issues:update'>): Promise<Result<Issue>>;
  setStatus(ids: readonly string[], change: ChannelInput<'issues:setStatus'>['change']): Promise<Result<Issue[]>>;
  prolong(input: ChannelInput<'issues:prolong'>): Promise<Result<Issue>>;
  fromMinutes(meetingId: string): Promise<Result<Issue[]>>;
  author(id: string): Promise<Result<IssueAuthor | null>>;
  setAuthor(id: string, author: IssueAuthor | null): Promise<Result<IssueAuthor | null>>;
}

export type IssuesState = IssuesData & IssuesActions;

export const DEFAULT_SORT: IssueSort = { key: 'registryNo', dir: 'desc' };

const initial: IssuesData = {
  tab: 'log',
  filter: {},
  sort: DEFAULT_SORT,
  queryId: 0,
  generation: 0,
  total: null,
  suggestion: null,
  pages: {},
  listError: null,
  counts: null,
  selected: {},
  savedFilters: [],
  savedFilterId: null,
  composing: false,
  byId: {},
};

/** A filter as the contract takes it: no empty strings, no undefined keys. */
export function cleanFilter(filter: IssueFilter): IssueFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as IssueFilter;
}

/** The row at an index of the list, if its window has arrived. */
export function rowAt(pages: Record<number, Page>, index: number): IssueRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.rows[index % PAGE_SIZE];
}

// Windows being fetched, by generation and page: not state, nothing renders from it.
const inFlight = new Set<string>();

export const useIssuesStore = create<IssuesState>()((set, get) => {
  async function loadCounts(generation: number): Promise<void> {
    const result = await attempt(() => api.issues.counts({ filter: get().filter }));
    if (get().generation !== generation) return;
    if (result.ok) set({ counts: result.value });
    else set({ listError: result.error });
  }

  /** After a change: the issues themselves, then the list and counts around them, and the bell's overdue and due-soon counts. */
  async function changed(issues: readonly Issue[]): Promise<void> {
    set((s) => ({ byId: { ...s.byId, ...Object.fromEntries(issues.map((i) => [i.id, i])) } }));
    await Promise.all([get().refresh(), useRemindersStore.getState().load()]);
  }

  async function change<T extends Issue | Issue[]>(call: () => Promise<T>): Promise<Result<T>> {
    const result = await attempt(call);
    if (result.ok) await changed(Array.isArray(result.value) ? result.value : [result.value as Issue]);
    return result;
  }

  /** The latest revision the list has seen of an issue (selection may predate a refresh). */
  function latestRevision(id: string): number | undefined {
    const s = get();
    if (s.byId[id]) return s.byId[id]!.revision;
    for (const page of Object.values(s.pages)) {
      const row = page.rows.find((r) => r.id === id);
      if (row) return row.revision;
    }
    return s.selected[id];
  }

  return {
    ...initial,

    setTab(tab) {
      set({ tab });
    },

    setFilter(patch) {
      set({ filter: cleanFilter({ ...get().filter, ...patch }), savedFilterId: null });
      get().query();
    },

    replaceFilter(filter) {
      set({ filter: cleanFilter(filter), savedFilterId: null });
      get().query();
    },

    sortBy(key) {
      const { sort } = get();
      set({ sort: sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' } });
      get().query();
    },

    query() {
      const generation = get().generation + 1;
      set((s) => ({ generation, queryId: s.queryId + 1, pages: {}, total: null, suggestion: null, listError: null, selected: {} }));
      void loadCounts(generation);
      void get().ensureRange(0, 0);
    },

    async refresh() {
      const generation = get().generation + 1;
      set({ generation, listError: null });
      await loadCounts(generation);
    },

    async ensureRange(first, last) {
      const { generation, filter, sort, pages } = get();
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const to = Math.max(from, Math.floor(last / PAGE_SIZE));
      const wanted: number[] = [];
      for (let p = from; p <= to; p++) {
        const key = `${generation}:${p}`;
        if (pages[p]?.generation === generation || inFlight.has(key)) continue;
        inFlight.add(key);
        wanted.push(p);
      }
      await Promise.all(
        wanted.map(async (p) => {
          const result = await attempt(() => api.issues.list({ filter, sort, offset: p * PAGE_SIZE, limit: PAGE_SIZE }));
          inFlight.delete(`${generation}:${p}`);
          if (get().generation !== generation) return;
          if (!result.ok) return set({ listError: result.error });
          const kept = Object.entries(get().pages).filter(([k]) => Number(k) >= from - KEEP_PAGES && Number(k) <= to + KEEP_PAGES);
          set({ total: result.value.total, suggestion: result.value.suggestion ?? null, pages: { ...Object.fromEntries(kept), [p]: { generation, rows: result.value.rows } } });
        }),
      );
    },

    toggleSelected(row) {
      const { [row.id]: was, ...rest } = get().selected;
      set({ selected: was === undefined ? { ...rest, [row.id]: row.revision } : rest });
    },

    setSelected(rows, on) {
      const selected = { ...get().selected };
      for (const r of rows) {
        if (on) selected[r.id] = r.revision;
        else delete selected[r.id];
      }
      set({ selected });
    },

    clearSelection() {
      set({ selected: {} });
    },

    setComposing(on) {
      set({ composing: on });
    },

    openForMeeting(meetingId) {
      set({ tab: 'log', composing: true, filter: { meetingId }, savedFilterId: null });
      get().query();
      useAppStore.getState().navigate('issues');
    },

    openLog(filter) {
      set({ tab: 'log' });
      get().replaceFilter(filter);
      useAppStore.getState().navigate('issues');
    },

    async loadSavedFilters() {
      const result = await attempt(() => api.savedFilters.list({}));
      if (result.ok) set({ savedFilters: result.value });
      return result;
    },

    async saveFilter(name) {
      const result = await attempt(() => api.savedFilters.save({ name, filter: get().filter }));
      if (!result.ok) return result;
      await get().loadSavedFilters();
      set({ savedFilterId: result.value.id });
      return result;
    },

    applySavedFilter(id) {
      const saved = get().savedFilters.find((f) => f.id === id);
      if (!saved) return set({ savedFilterId: null });
      set({ filter: cleanFilter(saved.filter), savedFilterId: saved.id });
      get().query();
    },

    async removeSavedFilter(id) {
      const result = await attempt(() => api.savedFilters.remove({ id }));
      if (!result.ok) return result;
      if (get().savedFilterId === id) set({ savedFilterId: null });
      return get().loadSavedFilters();
    },

    async loadIssue(id) {
      const result = await attempt(() => api.issues.get({ id }));
      if (result.ok) set((s) => ({ byId: { ...s.byId, [id]: result.value } }));
      return result;
    },

    carryOver: (meetingId) => attempt(() => api.issues.carryOver({ meetingId })),

    async find(search, unitKato) {
      const result = await attempt(() => api.issues.list({ filter: { search, unitKato }, sort: DEFAULT_SORT, offset: 0, limit: 8 }));
      return result.ok ? { ok: true, value: result.value.rows } : result;
    },

    create: (input) => change(() => api.issues.create(input)),
    update: (input) => change(() => api.issues.update(input)),
    prolong: (input) => change(() => api.issues.prolong(input)),

    async setStatus(ids, statusChange) {
      const items = ids.map((id) => ({ id, revision: latestRevision(id) ?? 1 }));
      const result = await change(() => api.issues.setStatus({ items, change: statusChange }));
      if (result.ok) set({ selected: {} });
      return result;
    },

    async fromMinutes(meetingId) {
      const result = await attempt(() => api.issues.fromMinutes({ meetingId }));
      if (result.ok) await changed(result.value);
      return result;
    },

    author: (id) => attempt(() => api.issues.author({ id })),

    async setAuthor(id, author) {
      const result = await attempt(() => api.issues.setAuthor({ id, author }));
      if (result.ok) await get().loadIssue(id);
      return result;
    },
  };
});

onReset(() => {
  inFlight.clear();
  useIssuesStore.setState(initial);
});
