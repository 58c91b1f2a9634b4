import type { ReactNode } from 'react';
import { useAppStore } from '../stores/app.store';
import { useAuthStore } from '../stores/auth.store';
import { unitName } from '../format/units';
import { useT } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { LanguageSwitch } from './LanguageSwitch';
import { AppMark } from './AppMark';
import { JobStatus } from './JobStatus';

/** The app's name, the akimat it serves, the language, the operator signed in; `bell` is what reminds (the app composes it). */
export function AppHeader({ bell }: { bell: ReactNode }) {
  const { t, lng } = useT();
  const root = useAppStore((s) => s.settings?.workingRoot ?? null);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const languageError = useAppStore((s) => s.languageError);
  const operator = useAuthStore((s) => s.state?.operator ?? null);
  const lock = useAuthStore((s) => s.lock);
  const signOut = useAuthStore((s) => s.signOut);
  return (
    <header className="app-header">
      <div className="brand">
        <AppMark />
        <div className="brand-text">
          <span className="brand-name">{t('App.name')}</span>
          <span className="brand-tagline">{t('App.tagline')}</span>
        </div>
      </div>
      {root && (
        <div className="header-root" aria-label={t('Header.workingRoot')} role="group">
          <span className="header-root-name" data-testid="header-root-name">
            {unitName(root, lng)}
          </span>
          <span className="header-root-kind">{t(`Kind.${root.kind}`)}</span>
        </div>
      )}
      <div className="header-end">
        <ErrorMessage error={languageError} />
        <JobStatus />
        {root && bell}
        <LanguageSwitch value={language} onChange={(l) => void setLanguage(l)} />
        {operator && (
          <div className="header-operator" role="group" aria-label={t('Auth.header.operator')}>
            <span className="header-operator-text">
              <span className="header-operator-name" data-testid="header-operator-name">
                {operator.name}
              </span>
              <span className="header-operator-role" data-testid="header-operator-role">
                {t(`Auth.role.${operator.role}`)}
              </span>
            </span>
            <button type="button" className="button button--small" onClick={() => void lock()} data-testid="header-lock">
              {t('Auth.header.lock')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => void signOut()} data-testid="header-sign-out">
              {t('Auth.header.signOut')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
