import type { ReactNode } from 'react';
import { AppMark } from '../../components/AppMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';

/** The frame of the screens shown instead of the app: sign-in, recovery, lock, the new code. */
export function AuthCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const { t } = useT();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <main className="auth-screen" data-testid={testId}>
      <div className="auth-card">
        <header className="auth-head">
          <AppMark />
          <span className="brand-name">{t('App.name')}</span>
          <span className="auth-head-lang">
            <LanguageSwitch value={language} onChange={(l) => void setLanguage(l)} />
          </span>
        </header>
        <h1 className="auth-title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
