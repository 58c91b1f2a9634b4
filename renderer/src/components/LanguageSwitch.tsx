import { useId } from 'react';
import type { Language } from '../../../shared/contract/schemas';
import { useT } from '../i18n';

const LANGUAGES: readonly Language[] = ['kk', 'ru'];

/**
 * A two-button switch; each language is named in itself, so either reader can find theirs.
 * Its label is for screen readers: on screen a heading or the header's place says what it is.
 */
export function LanguageSwitch({
  value,
  onChange,
  variant = 'compact',
  testIdPrefix = 'lang',
}: {
  value: Language;
  onChange: (language: Language) => void;
  variant?: 'compact' | 'full';
  testIdPrefix?: string;
}) {
  const { t } = useT();
  const labelId = useId();
  return (
    <div className={`lang-switch lang-switch--${variant}`} role="group" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        {t('Language.switchLabel')}
      </span>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-switch-option"
          aria-pressed={value === lng}
          data-testid={`${testIdPrefix}-${lng}`}
          aria-label={variant === 'compact' ? t(`Language.${lng}`) : undefined}
          onClick={() => value !== lng && onChange(lng)}
        >
          {variant === 'compact' ? t(`Language.short.${lng}`) : t(`Language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
