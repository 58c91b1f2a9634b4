import { create } from 'zustand';
import { api } from '../api';
import type { Language } from '../../../shared/contract/schemas';
import type { AppInfo, Settings } from '../../../shared/contract/types';
import type { ErrorPayload } from '../../../shared/errors';
import { DEFAULT_LANGUAGE } from '../i18n';
import { attempt, toErrorPayload, type Result } from './result';
import { resumeAt } from './resume';
import { onReset } from './reset';

export type Screen = 'calendar' | 'meetings' | 'issues' | 'reports' | 'exchange' | 'outbox' | 'settings';

export const SCREENS: readonly Screen[] = ['calendar', 'meetings', 'issues', 'reports', 'exchange', 'outbox', 'settings'];

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
  completeSetup(rootKato: string, language: Language): Promise<Result<Settings>>;
  navigate(screen: Screen): void;
  /** Saves how many days before a window closes to remind. */
  setReminderDays(days: number): Promise<Result<Settings>>;
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
    // The language already shown: nothing to switch, nothing to save.
    if (language === before) return;
    set({ language, languageError: null });
    try {
      const settings = await api.settings.setLanguage({ language });
      set({ settings });
    } catch (error) {
      set({ language: before, languageError: toErrorPayload(error) });
    }
  },

  async completeSetup(rootKato, language) {
    const result = await attempt(() => api.setup.complete({ rootKato, language }));
    if (result.ok) set({ settings: result.value, language: result.value.language ?? language, screen: 'calendar' });
    return result;
  },

  navigate(screen) {
    set({ screen });
  },

  async setReminderDays(days) {
    const result = await attempt(() => api.settings.setReminderDays({ days }));
    if (result.ok) set({ settings: result.value });
    return result;
  },
}));

onReset(() => {
  useAppStore.setState(initial);
});
