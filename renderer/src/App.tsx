import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { AppNav } from './components/AppNav';
import { ErrorMessage } from './components/ErrorMessage';
import { CalendarScreen } from './features/calendar';
import { ExchangeScreen } from './features/exchange';
import { IssuesScreen } from './features/issues';
import { MeetingsScreen } from './features/meetings';
import { ReminderBell } from './features/reminders';
import { OutboxScreen } from './features/outbox';
import { ReportsScreen } from './features/reports';
import { DamagedBanner, SettingsScreen } from './features/settings';
import { SetupWizard } from './features/setup';
import { applyLanguage } from './i18n';
import { SidePanelHost } from './SidePanelHost';
import { useAppStore } from './stores/app.store';

export function App() {
  const { t, i18n } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  const language = useAppStore((s) => s.language);
  const loadError = useAppStore((s) => s.loadError);
  const setUp = useAppStore((s) => s.settings?.workingRoot != null);
  const load = useAppStore((s) => s.load);

  // Layout effect: the new language is in place before the browser paints the old one.
  useLayoutEffect(() => applyLanguage(i18n, language), [i18n, language]);
  useEffect(() => {
    void load();
  }, [load]);

  if (phase === 'loading') {
    return (
      <div className="splash" role="status">
        {t('App.loading')}
      </div>
    );
  }
  if (phase === 'failed') {
    return (
      <div className="splash">
        <DamagedBanner />
        <p className="splash-title">{t('App.loadFailed')}</p>
        <ErrorMessage error={loadError} />
        <button type="button" className="button button--primary" onClick={() => void load()}>
          {t('App.retry')}
        </button>
      </div>
    );
  }
  return setUp ? <Shell /> : <SetupWizard />;
}

function Shell() {
  const { t } = useTranslation();
  const screen = useAppStore((s) => s.screen);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('App.skipToContent')}
      </a>
      <AppHeader bell={<ReminderBell />} />
      <div className="app-body">
        <AppNav />
        <div className="app-work">
          <main id="main" className="app-main" tabIndex={-1}>
            <DamagedBanner />
            {screen === 'calendar' ? (
              <CalendarScreen />
            ) : screen === 'outbox' ? (
              <OutboxScreen />
            ) : screen === 'meetings' ? (
              <MeetingsScreen />
            ) : screen === 'issues' ? (
              <IssuesScreen />
            ) : screen === 'reports' ? (
              <ReportsScreen />
            ) : screen === 'exchange' ? (
              <ExchangeScreen />
            ) : (
              <SettingsScreen />
            )}
          </main>
          <SidePanelHost />
        </div>
      </div>
    </div>
  );
}
