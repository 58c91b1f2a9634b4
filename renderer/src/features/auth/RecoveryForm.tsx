import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { LocalProblem } from './LocalProblem';
import { NewSecretFields } from './NewSecretFields';
import { newSecretProblem } from './secrets';
import { useRefusal } from './useRefusal';

/**
 * The administrator's forgotten secret: login, the code from the safe and a new secret. The core
 * signs them in and issues a new code, which the gate then shows once (the old one is void).
 */
export function RecoveryForm({ onBack }: { onBack: () => void }) {
  const { t } = useT();
  const recover = useAuthStore((s) => s.recover);
  const id = useId();
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState({ value: '', again: '' });
  const [local, setLocal] = useState<ErrorPayload | 'mismatch' | null>(null);
  const { error, waiting, busy, refuse, attempt } = useRefusal();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = newSecretProblem(secret.value, secret.again);
    setLocal(problem);
    if (problem) return refuse(null);
    await attempt(() => recover({ login, recoveryCode: code, secret: secret.value }));
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t('Auth.recovery.text')}</p>
      <div className="field">
        <label htmlFor={`${id}-login`}>{t('Auth.login')}</label>
        <input id={`${id}-login`} autoComplete="username" spellCheck={false} autoFocus value={login} data-testid="recovery-login" onChange={(e) => setLogin(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('Auth.recovery.code')}</label>
        <input
          id={`${id}-code`}
          className="auth-code-input"
          autoComplete="off"
          spellCheck={false}
          value={code}
          aria-describedby={`${id}-code-hint`}
          data-testid="recovery-code-input"
          onChange={(e) => setCode(e.target.value)}
        />
        <p id={`${id}-code-hint`} className="hint field-hint">
          {t('Auth.recovery.codeHint')}
        </p>
      </div>
      <NewSecretFields value={secret.value} again={secret.again} onChange={(value, again) => setSecret({ value, again })} testId="recovery" labelKey="Auth.newSecret" />
      <LocalProblem problem={local ?? error} testId="recovery-error" />
      <div className="auth-actions">
        <button type="button" className="button" onClick={onBack} data-testid="recovery-back">
          {t('Auth.recovery.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || waiting || !login.trim() || !code.trim()} data-testid="recovery-submit">
          {busy ? t('Auth.recovery.saving') : t('Auth.recovery.submit')}
        </button>
      </div>
    </form>
  );
}
