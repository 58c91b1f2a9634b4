import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { Body, IssueCategory, IssueStatus } from '../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './errors';
import { onReset } from './reset';

interface ReferenceData {
  statuses: IssueStatus[];
  categories: IssueCategory[];
  bodies: Body[];
  loaded: boolean;
  error: ErrorPayload | null;
}

interface ReferenceActions {
  /** Once per session (again with `force`, after an edit in Settings). */
  load(force?: boolean): Promise<void>;
  saveStatus(input: ChannelInput<'issueStatuses:save'>): Promise<ErrorPayload | null>;
  saveCategory(input: ChannelInput<'issueCategories:save'>): Promise<ErrorPayload | null>;
  saveBody(input: ChannelInput<'bodies:save'>): Promise<ErrorPayload | null>;
  savePerson(input: ChannelInput<'bodies:savePerson'>): Promise<ErrorPayload | null>;
}

export type ReferenceState = ReferenceData & ReferenceActions;

const initial: ReferenceData = { statuses: [], categories: [], bodies: [], loaded: false, error: null };

let loading: Promise<void> | null = null;

/** The issue log's reference data: statuses, the category tree, responsible bodies and their people. */
export const useIssueReferenceStore = create<ReferenceState>()((set, get) => {
  async function fetchAll(): Promise<void> {
    try {
      const [statuses, categories, bodies] = await Promise.all([api.issueStatuses.list({}), api.issueCategories.list({}), api.bodies.list({})]);
      set({ statuses, categories, bodies, loaded: true, error: null });
    } catch (error) {
      set({ error: toErrorPayload(error) });
    }
  }

  async function saved(call: () => Promise<unknown>): Promise<ErrorPayload | null> {
    try {
      await call();
    } catch (error) {
      return toErrorPayload(error);
    }
    await get().load(true);
    return null;
  }

  return {
    ...initial,
    load(force = false) {
      if (get().loaded && !force) return Promise.resolve();
      if (!loading || force) loading = fetchAll().finally(() => (loading = null));
      return loading;
    },
    saveStatus: (input) => saved(() => api.issueStatuses.save(input)),
    saveCategory: (input) => saved(() => api.issueCategories.save(input)),
    saveBody: (input) => saved(() => api.bodies.save(input)),
    savePerson: (input) => saved(() => api.bodies.savePerson(input)),
  };
});

onReset(() => {
  loading = null;
  useIssueReferenceStore.setState(initial);
});
