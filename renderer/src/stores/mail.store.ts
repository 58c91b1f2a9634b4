import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { MailSettings, OutboxItem } from '../../../shared/contract/mail.contract';
import type { FileData } from '../../../shared/contract/minutes.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { attempt, type Result } from './result';
import { onReset } from './reset';

export type SaveMailSettings = ChannelInput<'mail:saveSettings'>;
export interface PackageToSend {
  path: string;
  to: string;
}

interface MailData {
  /** Undefined until first loaded; null: e-mail is not set up yet. */
  settings: MailSettings | null | undefined;
  settingsError: ErrorPayload | null;
  /** The outbox, newest first; null until first loaded. */
  outbox: OutboxItem[] | null;
  outboxError: ErrorPayload | null;
  /**
   * Set by "Set up e-mail" on the E-mail screen: the settings section, once on screen, brings
   * itself into view (Settings is a long page) and clears it.
   */
  settingsRequested: boolean;
}

interface MailActions {
  loadSettings(): Promise<void>;
  /** The password, if any, goes to the core and nowhere else: the answer only says whether one is saved. */
  saveSettings(input: SaveMailSettings): Promise<Result<MailSettings>>;
  loadOutbox(): Promise<void>;
  queue(input: PackageToSend): Promise<Result<OutboxItem>>;
  /** The package as an .eml file, for the caller to save. */
  eml(input: PackageToSend): Promise<Result<FileData>>;
  retry(id: string): Promise<Result<OutboxItem>>;
  cancel(id: string): Promise<Result<{ id: string }>>;
  requestSettings(requested: boolean): void;
}

export type MailState = MailData & MailActions;

const initial: MailData = { settings: undefined, settingsError: null, outbox: null, outboxError: null, settingsRequested: false };

/** Only the newest outbox request may write the list: a slow poll must not undo a fresher answer. */
let latestOutbox = 0;

/** E-mail (issue 11, part 3): the SMTP settings and the outbox, which the core sends in the background. */
export const useMailStore = create<MailState>()((set, get) => {
  /**
   * After an action on the outbox the list is read again, whatever the answer: a message the
   * runner took meanwhile (mail_not_queued) shows as it now is.
   */
  async function reread<T>(result: Result<T>): Promise<Result<T>> {
    await get().loadOutbox();
    return result;
  }

  return {
    ...initial,

    async loadSettings() {
      const result = await attempt(() => api.mail.settings({}));
      set(result.ok ? { settings: result.value, settingsError: null } : { settingsError: result.error });
    },

    async saveSettings(input) {
      const result = await attempt(() => api.mail.saveSettings(input));
      if (result.ok) set({ settings: result.value, settingsError: null });
      return result;
    },

    async loadOutbox() {
      const request = ++latestOutbox;
      const result = await attempt(() => api.mail.outbox({}));
      if (request !== latestOutbox) return;
      // A failed refresh keeps the list it had: the messages did not go away.
      set(result.ok ? { outbox: result.value, outboxError: null } : { outboxError: result.error });
    },

    queue: async (input) => reread(await attempt(() => api.mail.queue(input))),
    eml: (input) => attempt(() => api.mail.eml(input)),
    retry: async (id) => reread(await attempt(() => api.mail.retry({ id }))),
    cancel: async (id) => reread(await attempt(() => api.mail.cancel({ id }))),

    requestSettings(requested) {
      set({ settingsRequested: requested });
    },
  };
});

onReset(() => {
  latestOutbox = 0;
  useMailStore.setState(initial);
});
