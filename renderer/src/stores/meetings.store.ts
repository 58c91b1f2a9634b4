import { create } from 'zustand';
import { api } from '../api';
import type { Meeting } from '../../../shared/contract/types';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './errors';
import { useGridStore } from './grid.store';

interface MeetingsData {
  /** Recorded meetings by unit KATO code, oldest first (as the core lists them). */
  byUnit: Record<string, Meeting[]>;
  listError: ErrorPayload | null;
}

export type RecordResult = { ok: true; meeting: Meeting } | { ok: false; error: ErrorPayload };

interface MeetingsActions {
  loadFor(unitKato: string): Promise<void>;
  recordHeld(input: { unitKato: string; heldOn: IsoDate; note: string }): Promise<RecordResult>;
  remove(meeting: Meeting): Promise<ErrorPayload | null>;
}

export type MeetingsState = MeetingsData & MeetingsActions;

const initial: MeetingsData = { byUnit: {}, listError: null };

export const useMeetingsStore = create<MeetingsState>()((set, get) => ({
  ...initial,

  async loadFor(unitKato) {
    set({ listError: null });
    try {
      const meetings = await api.meetings.list({ unitKato });
      set({ byUnit: { ...get().byUnit, [unitKato]: meetings } });
    } catch (error) {
      set({ listError: toErrorPayload(error) });
    }
  },

  async recordHeld({ unitKato, heldOn, note }) {
    let meeting: Meeting;
    try {
      const trimmed = note.trim();
      meeting = await api.meetings.recordHeld(trimmed ? { unitKato, heldOn, note: trimmed } : { unitKato, heldOn });
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
    await Promise.all([useGridStore.getState().reload(), get().loadFor(unitKato)]);
    return { ok: true, meeting };
  },

  async remove(meeting) {
    try {
      await api.meetings.remove({ id: meeting.id });
    } catch (error) {
      return toErrorPayload(error);
    }
    await Promise.all([useGridStore.getState().reload(), get().loadFor(meeting.unitKato)]);
    return null;
  },
}));

export function resetMeetingsStore(): void {
  useMeetingsStore.setState(initial);
}
