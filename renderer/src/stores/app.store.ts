import { create } from 'zustand';
import { api } from '../api';
import type { Language } from '../../../shared/contract/schemas';
import type { AppInfo, Settings } from '../../../shared/contract/types';
import type { ErrorPayload } from '../../../shared/errors';
import { DEFAULT_LANGUAGE } from '../i18n';
import { toErrorPayload } from './errors';
import { resumeAt } from './resume';
import { onReset } from './reset';

export type Screen = 'calendar' | 'meetings' | 'issues' | 'reports' | 'exchange' | 'settings';

export const SCREENS: readonly Screen[] = ['calendar', 'meetings', 'issues', 'reports', 'exchange', 'settings'];

interface AppData {
  phase: 'loading' | 'ready' | 'failed';
  info: AppInfo | null;
  settings: Settings | null;
  /** The UI language: the saved one, or the one being tried during setup. */
  language: Language;
  screen: Screen;
  loadError: ErrorPayload | null;
  languageError: ErrorPayload | null;
}

interface AppActions {
  load(): Promise<void>;
  /** Shows the UI in a language without saving it (setup step 1: nothing is saved until confirm). */
  previewLanguage(language: Language): void;
  /** Switches the UI at once and remembers the choice; goes back if saving fails. */
  setLanguage(language: Language): Promise<void>;
  /** Returns the error to show, or null when the installation is set up. */
  completeSetup(rootKato: string, language: Language): Promise<ErrorPayload | null>;
  navigate(screen: Screen): void;
  /** Saves how many days before a window closes to remind; returns the error to show, if any. */
  setReminderDays(days: number): Promise<ErrorPayload | null>;
}

export type AppState = AppData & AppActions;

const initial: AppData = {
  phase: 'loading',
  info: null,
  settings: null,
  language: DEFAULT_LANGUAGE,
  screen: 'calendar',
  loadError: null,
  languageError: null,
};

export const useAppStore = create<AppState>()((set, get) => ({
  ...initial,

  async load() {
    set({ phase: 'loading', loadError: null });
    try {
      const [settings, info] = await Promise.all([api.settings.get({}), api.app.info({})]);
      set({ phase: 'ready', settings, info, language: settings.language ?? get().language });
      // Back where the secretary was typing when the app last closed (or was killed).
      if (settings.workingRoot) resumeAt(settings.resume);
    } catch (error) {
      set({ phase: 'failed', loadError: toErrorPayload(error) });
    }
  },

  previewLanguage(language) {
    set({ language });
  },

  async setLanguage(language) {
    const before = get().language;
    set({ language, languageError: null });
    try {
      const settings = await api.settings.setLanguage({ language });
      set({ settings });
    } catch (error) {
      set({ language: before, languageError: toErrorPayload(error) });
    }
  },

  async completeSetup(rootKato, language) {
    try {
      const settings = await api.setup.complete({ rootKato, language });
      set({ settings, language: settings.language ?? language, screen: 'calendar' });
      return null;
    } catch (error) {
      return toErrorPayload(error);
    }
  },

  navigate(screen) {
    set({ screen });
  },

  async setReminderDays(days) {
    try {
      const settings = await api.settings.setReminderDays({ days });
      set({ settings });
      return null;
    } catch (error) {
      return toErrorPayload(error);
    }
  },
}));

onReset(() => {
  useAppStore.setState(initial);
});
