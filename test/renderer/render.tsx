import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import type { UiLanguage } from '../../shared/i18n';
import { createUiI18n } from '../../renderer/src/i18n';
import { resetAppStore } from '../../renderer/src/stores/app.store';
import { resetGridStore } from '../../renderer/src/stores/grid.store';
import { resetMeetingsStore } from '../../renderer/src/stores/meetings.store';
import { resetMinutesStore } from '../../renderer/src/stores/minutes.store';
import { clearUnitCache } from '../../renderer/src/features/setup/useUnit';
import { clearSubtreeCache } from '../../renderer/src/features/meetings/form/useSubtree';
import { resetAkimsStore } from '../../renderer/src/stores/akims.store';
import { resetCalendarStore } from '../../renderer/src/stores/calendar.store';
import { resetDashboardStore } from '../../renderer/src/stores/dashboard.store';
import { resetMeetingListStore } from '../../renderer/src/stores/meeting-list.store';
import { resetPanelStore } from '../../renderer/src/stores/panel.store';
import { resetRemindersStore } from '../../renderer/src/stores/reminders.store';
import { resetResume } from '../../renderer/src/stores/resume';
import { resetIssuesStore } from '../../renderer/src/stores/issues.store';
import { resetIssueReferenceStore } from '../../renderer/src/stores/issue-reference.store';

// Without vitest globals Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  resetAppStore();
  resetGridStore();
  resetMeetingsStore();
  resetMinutesStore();
  resetCalendarStore();
  resetPanelStore();
  resetDashboardStore();
  resetRemindersStore();
  resetAkimsStore();
  resetMeetingListStore();
  resetResume();
  resetIssuesStore();
  resetIssueReferenceStore();
  clearUnitCache();
  clearSubtreeCache();
});

/** Renders with a fresh i18next instance, as main.tsx does. */
export function renderWithI18n(ui: ReactElement, lng: UiLanguage = 'kk') {
  const i18n = createUiI18n(lng);
  return { i18n, ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>) };
}
