import { create } from 'zustand';
import { api } from '../api';
import type { IcsFile } from '../../../shared/contract/calendar.contract';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { PlanPreview } from '../../../shared/contract/meetings.contract';
import type { Meeting } from '../../../shared/contract/types';
import type { IsoDate } from '../../../shared/domain/dates';
import type { MeetingAction } from '../../../shared/domain/meetings/meeting';
import type { ErrorPayload } from '../../../shared/errors';
import { refreshDerived } from './changes';
import { attempt, DONE, type Failure, type Ok, type Result } from './result';
import { onReset } from './reset';

export type ListQuery = ChannelInput<'meetings:list'>;

/** The actions of the meeting card, each with its channel's input. */
export interface ActionInputs {
  announce: ChannelInput<'meetings:announce'>;
  markHeld: ChannelInput<'meetings:markHeld'>;
  close: ChannelInput<'meetings:close'>;
  cancel: ChannelInput<'meetings:cancel'>;
  postpone: ChannelInput<'meetings:postpone'>;
  setOfficials: ChannelInput<'meetings:setOfficials'>;
}
export type CardAction = keyof ActionInputs & MeetingAction;

/** A card action's outcome; a failure says whether the meeting was fetched again (after a conflict). */
export type ActResult = Ok<Meeting> | (Failure & { reloaded: boolean });

interface MeetingsData {
  /** Recorded meetings by unit KATO code, oldest first (as the core lists them). */
  byUnit: Record<string, Meeting[]>;
  listError: ErrorPayload | null;
  /** Meetings opened in a card or a form, as last fetched or changed. */
  byId: Record<string, Meeting>;
  /** Lists by query (month view, meetings screen); kept while they are fetched again. */
  lists: Record<string, Meeting[]>;
  /** Bumped after every change, so whatever lists meetings fetches them again. */
  version: number;
}

interface MeetingsActions {
  loadFor(unitKato: string): Promise<void>;
  loadList(query: ListQuery): Promise<Result<Meeting[]>>;
  loadMeeting(id: string): Promise<Result<Meeting>>;
  recordHeld(input: { unitKato: string; heldOn: IsoDate; note: string }): Promise<Result<Meeting>>;
  remove(meeting: Meeting): Promise<Result<void>>;
  plan(input: ChannelInput<'meetings:plan'>): Promise<Result<Meeting>>;
  update(input: ChannelInput<'meetings:update'>): Promise<Result<Meeting>>;
  /** A card action; on a `conflict` the meeting is fetched again and `reloaded` says so. */
  act<A extends CardAction>(action: A, input: ActionInputs[A]): Promise<ActResult>;
  exportIcs(input: ChannelInput<'meetings:exportIcs'>): Promise<Result<IcsFile>>;
  /** Meetings arrived from another installation (an imported package): every list is fetched again. */
  received(): Promise<void>;
  /** The core's reading of a date for a unit, before planning: the obligation it serves, what to warn about. */
  preview(input: ChannelInput<'meetings:preview'>): Promise<Result<PlanPreview>>;
}

export type MeetingsState = MeetingsData & MeetingsActions;

const initial: MeetingsData = { byUnit: {}, listError: null, byId: {}, lists: {}, version: 0 };

export function listKey(query: ListQuery): string {
  const statuses = query.statuses ? [...query.statuses].sort() : null;
  return JSON.stringify([query.unitKato ?? null, query.year ?? null, query.from ?? null, query.to ?? null, statuses]);
}

const ACTION_CALLS: { [A in CardAction]: (input: ActionInputs[A]) => Promise<Meeting> } = {
  announce: (input) => api.meetings.announce(input),
  markHeld: (input) => api.meetings.markHeld(input),
  close: (input) => api.meetings.close(input),
  cancel: (input) => api.meetings.cancel(input),
  postpone: (input) => api.meetings.postpone(input),
  setOfficials: (input) => api.meetings.setOfficials(input),
};

/** The date a meeting sits on in a calendar: when it was held, else when it is planned. */
export function meetingDate(m: Pick<Meeting, 'heldOn' | 'plannedOn'>): IsoDate | null {
  return m.heldOn ?? m.plannedOn;
}

export const useMeetingsStore = create<MeetingsState>()((set, get) => {
  /** After a change: the meeting itself, every list, the grid, the dashboard and the reminders. */
  async function changed(meeting: Meeting | null): Promise<void> {
    set((s) => ({ version: s.version + 1, byId: meeting ? { ...s.byId, [meeting.id]: meeting } : s.byId }));
    const unit = meeting?.unitKato;
    await Promise.all([refreshDerived(), unit && get().byUnit[unit] ? get().loadFor(unit) : null]);
  }

  async function save(call: () => Promise<Meeting>): Promise<Result<Meeting>> {
    const result = await attempt(call);
    if (result.ok) await changed(result.value);
    return result;
  }

  return {
    ...initial,

    async loadFor(unitKato) {
      set({ listError: null });
      const result = await attempt(() => api.meetings.list({ unitKato }));
      if (result.ok) set({ byUnit: { ...get().byUnit, [unitKato]: result.value } });
      else set({ listError: result.error });
    },

    async loadList(query) {
      const result = await attempt(() => api.meetings.list(query));
      if (result.ok) set({ lists: { ...get().lists, [listKey(query)]: result.value } });
      return result;
    },

    async loadMeeting(id) {
      const result = await attempt(() => api.meetings.get({ id }));
      if (result.ok) set({ byId: { ...get().byId, [id]: result.value } });
      return result;
    },

    async recordHeld({ unitKato, heldOn, note }) {
      const trimmed = note.trim();
      return save(() => api.meetings.recordHeld(trimmed ? { unitKato, heldOn, note: trimmed } : { unitKato, heldOn }));
    },

    async remove(meeting) {
      const result = await attempt(() => api.meetings.remove({ id: meeting.id }));
      if (!result.ok) return result;
      const { [meeting.id]: _removed, ...rest } = get().byId;
      set({ byId: rest });
      await changed(null);
      await get().loadFor(meeting.unitKato);
      return DONE;
    },

    plan(input) {
      return save(() => api.meetings.plan(input));
    },

    update(input) {
      return save(() => api.meetings.update(input));
    },

    async act(action, input) {
      const result = await save(() => ACTION_CALLS[action](input));
      if (result.ok) return result;
      const reloaded = result.error.code === 'conflict' && (await get().loadMeeting(input.id)).ok;
      return { ...result, reloaded };
    },

    exportIcs: (input) => attempt(() => api.meetings.exportIcs(input)),
    preview: (input) => attempt(() => api.meetings.preview(input)),

    async received() {
      // A card open on a meeting keeps it until it is opened again.
      set((s) => ({ version: s.version + 1 }));
      await Promise.all(Object.keys(get().byUnit).map((unit) => get().loadFor(unit)));
    },
  };
});

onReset(() => {
  useMeetingsStore.setState(initial);
});
