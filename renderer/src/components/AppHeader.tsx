import type { ReactNode } from 'react';
import { useAppStore } from '../stores/app.store';
import { unitName } from '../format/units';
import { useT } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { LanguageSwitch } from './LanguageSwitch';
import { AppMark } from './AppMark';
import { JobStatus } from './JobStatus';

/** The app's name, the akimat it serves, the language; `bell` is what reminds (the app composes it). */
export function AppHeader({ bell }: { bell: ReactNode }) {
  const { t, lng } = useT();
  const root = useAppStore((s) => s.settings?.workingRoot ?? null);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const languageError = useAppStore((s) => s.languageError);
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
      </div>
    </header>
  );
}
