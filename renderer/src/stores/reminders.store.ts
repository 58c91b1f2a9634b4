import { create } from 'zustand';
import { api } from '../api';
import type { Reminder } from '../../../shared/contract/calendar.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from './result';
import { onReset } from './reset';

interface RemindersData {
  /** Null until first loaded. */
  reminders: Reminder[] | null;
  error: ErrorPayload | null;
}

interface RemindersActions {
  load(): Promise<void>;
}

export type RemindersState = RemindersData & RemindersActions;

const initial: RemindersData = { reminders: null, error: null };

let latestRequest = 0;

export const useRemindersStore = create<RemindersState>()((set) => ({
  ...initial,

  async load() {
    const request = ++latestRequest;
    try {
      const reminders = await api.reminders.list({});
      if (request === latestRequest) set({ reminders, error: null });
    } catch (error) {
      // The bell keeps the last list it had: a failed refresh must not empty it.
      if (request === latestRequest) set({ error: toErrorPayload(error) });
    }
  },
}));

onReset(() => {
  latestRequest = 0;
  useRemindersStore.setState(initial);
});
