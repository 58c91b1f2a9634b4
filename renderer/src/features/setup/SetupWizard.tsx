import { useState } from 'react';
import type { UnitSummary } from '../../../../shared/contract/types';
import { AppMark } from '../../components/AppMark';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useAuthStore } from '../../stores/auth.store';
import { FirstAdminForm, RecoveryCodePanel } from '../auth';
import { ConfirmStep } from './ConfirmStep';
import { LanguageStep } from './LanguageStep';
import { UnitStep } from './UnitStep';

/**
 * The administrator comes before the confirm step: `operators:createFirst` signs them in, so
 * `setup:complete` (settings.write) is saved as them, and the wizard ends set up with an
 * administrator signed in. Left after the administrator, the app asks them to sign in and then
 * runs the wizard again without its administrator steps.
 */
const ALL_STEPS = ['language', 'unit', 'admin', 'code', 'confirm'] as const;
const WITHOUT_ADMIN = ['language', 'unit', 'confirm'] as const;
type Step = (typeof ALL_STEPS)[number];

const STEP_LABEL: Record<Step, string> = {
  language: 'Setup.steps.language',
  unit: 'Setup.steps.unit',
  admin: 'Auth.steps.admin',
  code: 'Auth.steps.code',
  confirm: 'Setup.steps.confirm',
};

/**
 * First run: language, the akimat this installation serves, and on an installation with no
 * operator the first administrator and their recovery code; the akimat is saved at confirm.
 */
export function SetupWizard() {
  const { t } = useT();
  // Decided once: the administrator created on the way must not take their own steps away.
  const [steps] = useState<readonly Step[]>(() => (useAuthStore.getState().state?.operatorsExist ? WITHOUT_ADMIN : ALL_STEPS));
  const pendingCode = useAuthStore((s) => s.recoveryCode !== null);
  const language = useAppStore((s) => s.language);
  const previewLanguage = useAppStore((s) => s.previewLanguage);
  const completeSetup = useAppStore((s) => s.completeSetup);
  const [chosen, setStep] = useState<Step>('language');
  // A code not yet written down (the administrator just created) is shown before anything else.
  const step: Step = pendingCode ? 'code' : chosen;
  const [unit, setUnit] = useState<UnitSummary | null>(null);
  const [query, setQuery] = useState('');
  const index = steps.indexOf(step);

  return (
    <main className="setup" data-testid="setup">
      <div className="setup-card">
        <header className="setup-head">
          <AppMark />
          <div>
            <h1 className="setup-title">{t('Setup.title')}</h1>
            <p className="muted">{t('Setup.stepOf', { step: index + 1, total: steps.length })}</p>
          </div>
        </header>
        <ol className="steps">
          {steps.map((s, i) => (
            <li key={s} className={i < index ? 'step is-done' : i === index ? 'step is-current' : 'step'} aria-current={i === index ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-label">{t(STEP_LABEL[s])}</span>
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
              setStep(useAuthStore.getState().state?.operatorsExist ? 'confirm' : 'admin');
            }}
          />
        )}
        {step === 'admin' && (
          <div className="setup-step" data-testid="setup-step-admin">
            <h2 className="setup-step-title">{t('Auth.firstAdmin.title')}</h2>
            <FirstAdminForm onCreated={() => setStep('confirm')}>
              <button type="button" className="button" onClick={() => setStep('unit')} data-testid="setup-back">
                {t('Setup.back')}
              </button>
            </FirstAdminForm>
          </div>
        )}
        {step === 'code' && (
          <div className="setup-step" data-testid="setup-step-code">
            <h2 className="setup-step-title">{t('Auth.code.title')}</h2>
            <RecoveryCodePanel />
          </div>
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
