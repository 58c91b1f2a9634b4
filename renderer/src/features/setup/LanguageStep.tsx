import type { Language } from '../../../../shared/contract/schemas';
import { useT } from '../../i18n';

const CHOICES: readonly Language[] = ['kk', 'ru'];

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
      <div className="language-choices">
        {CHOICES.map((lng) => (
          <button
            key={lng}
            type="button"
            lang={lng}
            className="language-choice"
            aria-pressed={value === lng}
            data-testid={`setup-lang-${lng}`}
            onClick={() => onChoose(lng)}
          >
            <span className="language-choice-name">{t(`Language.${lng}`)}</span>
          </button>
        ))}
      </div>
      <p className="muted">{t('Setup.language.hint')}</p>
    </div>
  );
}
