import { useId } from 'react';
import { useT } from '../../i18n';

/** A new PIN or password typed twice, with the rule it must meet shown beside it. */
export function NewSecretFields({
  value,
  again,
  onChange,
  testId,
  labelKey = 'Auth.secret',
}: {
  value: string;
  again: string;
  onChange: (value: string, again: string) => void;
  testId: string;
  labelKey?: string;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-1`}>{t(labelKey)}</label>
        <input
          id={`${id}-1`}
          type="password"
          autoComplete="new-password"
          value={value}
          aria-describedby={`${id}-rule`}
          data-testid={`${testId}-secret`}
          onChange={(e) => onChange(e.target.value, again)}
        />
        <p id={`${id}-rule`} className="hint field-hint">
          {t('Auth.secretRule')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-2`}>{t('Auth.secretAgain')}</label>
        <input id={`${id}-2`} type="password" autoComplete="new-password" value={again} data-testid={`${testId}-again`} onChange={(e) => onChange(value, e.target.value)} />
      </div>
    </>
  );
}
