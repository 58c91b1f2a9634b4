import { useState } from 'react';
import type { Language } from '../../../../shared/contract/schemas';
import type { UnitSummary } from '../../../../shared/contract/types';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { otherUnitName, unitName } from '../../format/units';
import { useT } from '../../i18n';
import { useUnit } from '../../hooks/useUnit';
import { type Result } from '../../stores/result';

/** Step 3: what will be saved, and what the installation will then cover. */
export function ConfirmStep({
  unit,
  language,
  onConfirm,
  onBack,
}: {
  unit: UnitSummary;
  language: Language;
  onConfirm: () => Promise<Result<unknown>>;
  onBack: () => void;
}) {
  const { t, lng } = useT();
  const parent = useUnit(unit.parent);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function confirm() {
    setSaving(true);
    setError(null);
    const result = await onConfirm();
    // On success this step is gone (the app shows the calendar); only a failure comes back here.
    if (!result.ok) {
      setSaving(false);
      setError(result.error);
    }
  }

  return (
    <div className="setup-step" data-testid="setup-step-confirm">
      <h2 className="setup-step-title">{t('Setup.confirm.title')}</h2>
      <div className="confirm-unit">
        <p className="confirm-unit-name" data-testid="setup-confirm-name">
          {unitName(unit, lng)}
        </p>
        <dl className="facts">
          <div className="fact">
            <dt>{lng === 'kk' ? t('Settings.root.nameRu') : t('Settings.root.nameKk')}</dt>
            <dd>{otherUnitName(unit, lng)}</dd>
          </div>
          <div className="fact">
            <dt>{t('Setup.confirm.kind')}</dt>
            <dd>{t(`Kind.${unit.kind}`)}</dd>
          </div>
          <div className="fact">
            <dt>{t('Setup.confirm.kato')}</dt>
            <dd>
              <code>{unit.kato}</code>
            </dd>
          </div>
          {parent && (
            <div className="fact">
              <dt>{t('Setup.confirm.parent')}</dt>
              <dd>{unitName(parent, lng)}</dd>
            </div>
          )}
          <div className="fact">
            <dt>{t('Setup.confirm.language')}</dt>
            <dd>{t(`Language.${language}`)}</dd>
          </div>
        </dl>
      </div>
      <section className="note-box" aria-labelledby="working-set-title">
        <h3 id="working-set-title" className="subsection-title">
          {t('Setup.confirm.workingSetTitle')}
        </h3>
        <p>{t('Setup.confirm.workingSet', { name: unitName(unit, lng) })}</p>
      </section>
      <ErrorMessage error={error} testId="setup-error" />
      <div className="setup-actions">
        <button type="button" className="button" onClick={onBack} disabled={saving} data-testid="setup-change">
          {t('Setup.confirm.change')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={saving} data-testid="setup-confirm" autoFocus>
          {saving ? t('Setup.confirm.saving') : t('Setup.confirm.submit')}
        </button>
      </div>
    </div>
  );
}
