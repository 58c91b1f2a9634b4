import { useCallback, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { AppNav } from './components/AppNav';
import { ErrorMessage } from './components/ErrorMessage';
import { FirstAdminBanner, LockScreen, RecoveryCodeScreen, SignedOutScreen, useIdleLock, useSessionFollowsCore } from './features/auth';
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
import { useAuthStore } from './stores/auth.store';
import type { ErrorPayload } from '../../shared/errors';

export function App() {
  const { t, i18n } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  const language = useAppStore((s) => s.language);
  const loadError = useAppStore((s) => s.loadError);
  const setUp = useAppStore((s) => s.settings?.workingRoot != null);
  const load = useAppStore((s) => s.load);
  const auth = useAuthStore((s) => s.state);
  const refresh = useAuthStore((s) => s.refresh);
  const recoveryCode = useAuthStore((s) => s.recoveryCode);
  const [authError, setAuthError] = useState<ErrorPayload | null>(null);

  const start = useCallback(async () => {
    setAuthError(null);
    await load();
    const result = await refresh();
    if (!result.ok) setAuthError(result.error);
  }, [load, refresh]);

  // Layout effect: the new language is in place before the browser paints the old one.
  useLayoutEffect(() => applyLanguage(i18n, language), [i18n, language]);
  useEffect(() => {
    void start();
  }, [start]);
  useSessionFollowsCore();

  if (phase === 'loading' || (phase === 'ready' && !auth && !authError)) {
    return (
      <div className="splash" role="status">
        {t('App.loading')}
      </div>
    );
  }
  if (phase === 'failed' || !auth) {
    return (
      <div className="splash">
        <DamagedBanner />
        <p className="splash-title">{t('App.loadFailed')}</p>
        <ErrorMessage error={loadError ?? authError} />
        <button type="button" className="button button--primary" onClick={() => void start()}>
          {t('App.retry')}
        </button>
      </div>
    );
  }
  // Operators exist and nobody is signed in: nothing of the app before the sign-in.
  if (auth.operatorsExist && !auth.operator) return <SignedOutScreen />;
  // The wizard shows its own code step; after a recovery or the banner's administrator, the code comes first.
  if (setUp && recoveryCode) return <RecoveryCodeScreen />;
  return <Locking>{setUp ? <Shell /> : <SetupWizard />}</Locking>;
}

/**
 * The idle lock, and the lock screen over what is behind it: that stays rendered (unsaved typing
 * stays), inert and hidden from assistive tech until the same operator unlocks.
 */
function Locking({ children }: { children: ReactNode }) {
  const locked = useAuthStore((s) => s.state?.locked === true);
  const signedIn = useAuthStore((s) => s.state?.operator != null && !s.state.locked);
  const idleMinutes = useAuthStore((s) => s.state?.idleMinutes ?? 0);
  const lock = useAuthStore((s) => s.lock);
  const onIdle = useCallback(() => void lock(), [lock]);
  useIdleLock(signedIn ? idleMinutes : 0, onIdle);
  return (
    <>
      <div className="lockable" inert={locked} aria-hidden={locked || undefined}>
        {children}
      </div>
      {locked && <LockScreen />}
    </>
  );
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
            <FirstAdminBanner />
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
