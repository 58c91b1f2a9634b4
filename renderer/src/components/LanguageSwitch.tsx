import { useId } from 'react';
import type { Language } from '../../../shared/contract/schemas';
import { useT } from '../i18n';

/** The languages of the UI and of every document. */
export const LANGUAGES: readonly Language[] = ['kk', 'ru'];

/**
 * The two languages as pressed/unpressed buttons; each is named in itself, so either reader can
 * find theirs. `compact` (the header) shows the short codes, the others the names: `toolbar`
 * in a row of buttons, `full` a size larger, `cards` as the first-run wizard's large choices.
 * The group is labelled by `labelledBy` (a label on screen) or else for screen readers only.
 */
export function LanguageSwitch({
  value,
  onChange,
  variant = 'compact',
  testIdPrefix = 'lang',
  labelledBy,
}: {
  value: Language;
  onChange: (language: Language) => void;
  variant?: 'compact' | 'toolbar' | 'full' | 'cards';
  testIdPrefix?: string;
  labelledBy?: string;
}) {
  const { t } = useT();
  const ownLabel = useId();
  const cards = variant === 'cards';
  return (
    <div className={cards ? 'language-choices' : `lang-switch lang-switch--${variant}`} role="group" aria-labelledby={labelledBy ?? ownLabel}>
      {!labelledBy && (
        <span id={ownLabel} className="visually-hidden">
          {t('Language.switchLabel')}
        </span>
      )}
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={cards ? 'language-choice' : 'lang-switch-option'}
          aria-pressed={value === lng}
          data-testid={`${testIdPrefix}-${lng}`}
          aria-label={variant === 'compact' ? t(`Language.${lng}`) : undefined}
          onClick={() => onChange(lng)}
        >
          {variant === 'compact' ? t(`Language.short.${lng}`) : t(`Language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
