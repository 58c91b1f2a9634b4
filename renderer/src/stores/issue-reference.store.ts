import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { Body, BodyPerson, IssueCategory, IssueStatus } from '../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { attempt, type Result } from './result';
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
  saveStatus(input: ChannelInput<'issueStatuses:save'>): Promise<Result<IssueStatus>>;
  saveCategory(input: ChannelInput<'issueCategories:save'>): Promise<Result<IssueCategory>>;
  saveBody(input: ChannelInput<'bodies:save'>): Promise<Result<Body>>;
  savePerson(input: ChannelInput<'bodies:savePerson'>): Promise<Result<BodyPerson>>;
}

export type ReferenceState = ReferenceData & ReferenceActions;

const initial: ReferenceData = { statuses: [], categories: [], bodies: [], loaded: false, error: null };

let loading: Promise<void> | null = null;

/** The issue log's reference data: statuses, the category tree, responsible bodies and their people. */
export const useIssueReferenceStore = create<ReferenceState>()((set, get) => {
  async function fetchAll(): Promise<void> {
    const result = await attempt(() => Promise.all([api.issueStatuses.list({}), api.issueCategories.list({}), api.bodies.list({})]));
    if (!result.ok) return set({ error: result.error });
    const [statuses, categories, bodies] = result.value;
    set({ statuses, categories, bodies, loaded: true, error: null });
  }

  async function saved<T>(call: () => Promise<T>): Promise<Result<T>> {
    const result = await attempt(call);
    if (result.ok) await get().load(true);
    return result;
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
