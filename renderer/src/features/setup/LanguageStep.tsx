import type { Language } from '../../../../shared/contract/schemas';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';

/** Step 1. The title is shown in both languages: the reader may not read the default one. */
export function LanguageStep({ value, onChoose }: { value: Language; onChoose: (language: Language) => void }) {
  const { t } = useT();
  return (
    <div className="setup-step" data-testid="setup-step-language">
      <h2 className="setup-step-title">
        <span lang="kk">{t('Setup.language.title', { lng: 'kk' })}</span>
        <span className="setup-step-title-alt" lang="ru">
          {t('Setup.language.title', { lng: 'ru' })}
        </span>
      </h2>
      <LanguageSwitch value={value} onChange={onChoose} variant="cards" testIdPrefix="setup-lang" />
      <p className="muted">{t('Setup.language.hint')}</p>
    </div>
  );
}
