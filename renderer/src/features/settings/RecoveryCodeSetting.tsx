import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { useOperatorsStore } from '../../stores/operators.store';

type Step = { kind: 'idle' } | { kind: 'asking' } | { kind: 'shown'; code: string };

/**
 * A new administrator recovery code: the administrator types their own secret (someone passing
 * by an unlocked screen must not be able to take the safe's code), the code is shown once with
 * Print, and the old one is void from then on.
 */
export function RecoveryCodeSetting() {
  const { t } = useT();
  const newRecoveryCode = useOperatorsStore((s) => s.newRecoveryCode);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const base = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await newRecoveryCode(secret);
    setBusy(false);
    setSecret('');
    if (result.ok) setStep({ kind: 'shown', code: result.value.recoveryCode });
    else setError(result.error);
  }

  return (
    <section className="operators-subsection recovery-setting" aria-labelledby={`${base}-title`} data-testid="recovery-setting">
      <h3 id={`${base}-title`} className="subsection-title">
        {t('Operators.recovery.title')}
      </h3>
      <p className="muted">{t('Operators.recovery.intro')}</p>
      {step.kind === 'idle' && (
        <button type="button" className="button" data-testid="recovery-new" onClick={() => setStep({ kind: 'asking' })}>
          {t('Operators.recovery.new')}
        </button>
      )}
      {step.kind === 'asking' && (
        <form className="form recovery-form" noValidate onSubmit={(e) => void submit(e)} data-testid="recovery-form">
          <TextField
            id={`${base}-secret`}
            label={t('Operators.recovery.secret')}
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={setSecret}
            testId="recovery-secret"
            hint={t('Operators.recovery.secretHint')}
            autoFocus
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy || secret === ''} data-testid="recovery-confirm">
              {t('Operators.recovery.confirm')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setError(null);
                setSecret('');
                setStep({ kind: 'idle' });
              }}
            >
              {t('Operators.recovery.cancel')}
            </button>
          </div>
          <ErrorMessage error={error} testId="recovery-error" />
        </form>
      )}
      {step.kind === 'shown' && (
        <div className="recovery-shown" data-testid="recovery-shown">
          <p>{t('Operators.recovery.shown')}</p>
          <p className="recovery-code" data-testid="recovery-code">
            {step.code}
          </p>
          <p className="message message--warning" role="status">
            {t('Operators.recovery.void')}
          </p>
          <div className="form-actions recovery-actions">
            <button type="button" className="button button--primary" data-testid="recovery-print" onClick={() => window.print()}>
              {t('Operators.recovery.print')}
            </button>
            <button type="button" className="button" data-testid="recovery-done" onClick={() => setStep({ kind: 'idle' })}>
              {t('Operators.recovery.done')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
