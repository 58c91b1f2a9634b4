import { useState } from 'react';
import type { UnitSummary } from '../../../../shared/contract/types';
import { AppMark } from '../../components/AppMark';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { ConfirmStep } from './ConfirmStep';
import { LanguageStep } from './LanguageStep';
import { UnitStep } from './UnitStep';

const STEPS = ['language', 'unit', 'confirm'] as const;
type Step = (typeof STEPS)[number];

/** First run: language, then the akimat this installation serves; nothing is saved until confirm. */
export function SetupWizard() {
  const { t } = useT();
  const language = useAppStore((s) => s.language);
  const previewLanguage = useAppStore((s) => s.previewLanguage);
  const completeSetup = useAppStore((s) => s.completeSetup);
  const [step, setStep] = useState<Step>('language');
  const [unit, setUnit] = useState<UnitSummary | null>(null);
  const [query, setQuery] = useState('');
  const index = STEPS.indexOf(step);

  return (
    <main className="setup" data-testid="setup">
      <div className="setup-card">
        <header className="setup-head">
          <AppMark />
          <div>
            <h1 className="setup-title">{t('Setup.title')}</h1>
            <p className="muted">{t('Setup.stepOf', { step: index + 1, total: STEPS.length })}</p>
          </div>
        </header>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} className={i < index ? 'step is-done' : i === index ? 'step is-current' : 'step'} aria-current={i === index ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-label">{t(`Setup.steps.${s}`)}</span>
            </li>
          ))}
        </ol>

        {step === 'language' && (
          <LanguageStep
            value={language}
            onChoose={(lng) => {
              previewLanguage(lng);
              setStep('unit');
            }}
          />
        )}
        {step === 'unit' && (
          <UnitStep
            initialQuery={query}
            onBack={() => setStep('language')}
            onChoose={(u, q) => {
              setUnit(u);
              setQuery(q);
              setStep('confirm');
            }}
          />
        )}
        {step === 'confirm' && unit && (
          <ConfirmStep
            unit={unit}
            language={language}
            onBack={() => setStep('unit')}
            onConfirm={() => completeSetup(unit.kato, language)}
          />
        )}
      </div>
    </main>
  );
}
